#!/bin/sh
":" //; export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"; [ "$1" = import ] && exec node --heap-growing-percent=30 --max-semi-space-size=8 "$0" "$@"; exec node "$0" "$@"
// Above: run as a program, the shell caps glibc's malloc arenas (sharp's threads otherwise
// leave memory spread over many) and, for an import, has V8 collect sooner: an import allocates
// mostly garbage, and V8 lets its heap grow to several times what is live before collecting (a
// 100 MB WordPress export peaked at 300 MB, 175 MB so; `--optimize-for-size` got 150 MB but
// doubled the CPU). Then it runs this file in Node, where that line is a no-op.
import { main } from '../dist/src/main.js';

process.exitCode = await main(process.argv.slice(2));
