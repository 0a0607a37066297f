package main

// ring: 503 goroutines pass a token around a circle of unbuffered channels (see ring.chan).
const ringThreads = 503

func member(id int, input, output, done chan int) {
	for {
		token := <-input
		if token == 0 {
			done <- id
			return
		}
		output <- token - 1
	}
}

func ring(hops int) int {
	done := make(chan int)
	first := make(chan int)
	input := first
	for id := 1; id < ringThreads; id++ {
		output := make(chan int)
		go member(id, input, output, done)
		input = output
	}
	go member(ringThreads, input, first, done)
	first <- hops
	<-done
	return hops
}
