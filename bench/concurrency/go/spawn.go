package main

import "runtime"

// spawn: a million goroutines, each sending its number once on one unbuffered channel, received
// only after the last is started (see spawn.chan).
func spawn(n int) int {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	c := make(chan int)
	for i := 0; i < n; i++ {
		go func(i int) { c <- i }(i)
	}
	// A goroutine's stack and descriptor are allocated when it is created, so every one of the n is
	// counted here whether or not it has reached its send yet.
	runtime.ReadMemStats(&after)
	used := func(m *runtime.MemStats) uint64 { return m.HeapInuse + m.StackInuse }
	blockedBytes = float64(used(&after)-used(&before)) / float64(n)
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-c
	}
	if sum != n*(n-1)/2 {
		panic("lost a message")
	}
	return n
}
