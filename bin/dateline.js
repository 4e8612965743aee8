#!/bin/sh
":" //; export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"; exec node "$0" "$@"
// Above: run as a program, the shell caps glibc's malloc arenas (sharp's threads otherwise
// leave memory spread over many), then runs this file in Node, where that line is a no-op.
import { main } from '../dist/src/main.js';

process.exitCode = await main(process.argv.slice(2));
