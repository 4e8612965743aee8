#!/bin/sh
":" //; export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"; case "$1" in import) set -- --heap-growing-percent=30 --max-semi-space-size=8 "$0" "$@" ;; serve) set -- --max-semi-space-size=32 "$0" "$@" ;; *) set -- "$0" "$@" ;; esac; exec node "$@"
// Above: run as a program, the shell caps glibc's malloc arenas (sharp's threads otherwise
// leave memory spread over many) and sets V8's heap for the two commands that need it (ADR
// 0064): an import collects sooner, since it allocates mostly garbage and V8 lets its heap grow
// to several times what is live (a 100 MB WordPress export peaked at 300 MB, 175 MB so); the
// server gets 32 MB semi-spaces, so the rows of 64 requests in flight are copied less often
// (the PostgreSQL home page 15 % less CPU, for about 50 MB). Then it runs this file in Node,
// where that line is a no-op.
import { main } from '../dist/src/main.js';

process.exitCode = await main(process.argv.slice(2));
