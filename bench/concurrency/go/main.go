// Command chanbench runs the Go versions of bench/concurrency/*.chan, the same programs written the
// same way, for bench/concurrency/run to put side by side. Each benchmark runs RUNS times in one
// process; the median and minimum of the second half (after warm-up) are reported per operation.
//
//	chanbench NAME RUNS [N]
//
// CPU time is the whole process's (all threads, GC included), from getrusage.
//
// Memory: "peak sys" is the memory the Go runtime got from the OS (it never shrinks, so it is the
// peak); the spawn benchmark also reports bytes per blocked goroutine, measured while every
// goroutine it started is blocked in its send.
package main

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"strconv"
	"syscall"
	"time"
)

// A benchmark runs n operations (n from the command line, or its default) and returns the count.
type benchmark struct {
	defaultN int
	run      func(n int) int
}

var benchmarks = map[string]benchmark{
	"pingpong":  {300_000, pingpong},
	"ring":      {1_000_000, ring},
	"sieve":     {1000, sieve},
	"spawn":     {1_000_000, spawn},
	"fanin":     {100_000, fanin},
	"chameneos": {100_000, chameneos},
}

// blockedBytes is set by spawn: heap and stack bytes per goroutine blocked in its send.
var blockedBytes float64

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: chanbench NAME RUNS [N]")
		os.Exit(2)
	}
	b, ok := benchmarks[os.Args[1]]
	runs, err := strconv.Atoi(os.Args[2])
	if !ok || err != nil || runs < 1 {
		fmt.Fprintln(os.Stderr, "chanbench: unknown benchmark or bad RUNS:", os.Args[1:])
		os.Exit(2)
	}
	n := b.defaultN
	if len(os.Args) > 3 {
		n, _ = strconv.Atoi(os.Args[3])
	}
	nanos := make([]float64, runs)
	cpu := make([]float64, runs)
	ops := 0
	for i := range nanos {
		start, startCPU := time.Now(), cpuTime()
		ops = b.run(n)
		nanos[i] = float64(time.Since(start).Nanoseconds())
		cpu[i] = float64(cpuTime() - startCPU)
	}
	warm := nanos[runs/2:]
	sort.Float64s(warm)
	warmCPU := cpu[runs/2:]
	sort.Float64s(warmCPU)
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Printf("%s: %d runs, %d ops per run: %.1f ns/op (median), %.1f ns/op (min); cpu %.1f ns/op (median); %s, GOMAXPROCS %d\n",
		os.Args[1], runs, ops, warm[len(warm)/2]/float64(ops), warm[0]/float64(ops), warmCPU[len(warmCPU)/2]/float64(ops),
		runtime.Version(), runtime.GOMAXPROCS(0))
	fmt.Printf("  peak sys %.1f MB", float64(m.Sys)/1e6)
	if blockedBytes > 0 {
		fmt.Printf("; %.0f bytes per blocked goroutine", blockedBytes)
	}
	fmt.Println()
}

// cpuTime is the CPU time this process has used, user and system, in nanoseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}
