package main

// sieve: the concurrent prime sieve (see sieve.chan). The generator and filters are left blocked
// when the run ends, as in the Chan version.
func generate(out chan int) {
	for i := 2; ; i++ {
		out <- i
	}
}

func filter(input, output chan int, prime int) {
	for {
		i := <-input
		if i%prime != 0 {
			output <- i
		}
	}
}

func sieve(n int) int {
	ch := make(chan int)
	go generate(ch)
	for k := 0; k < n; k++ {
		prime := <-ch
		next := make(chan int)
		go filter(ch, next, prime)
		ch = next
	}
	return n
}
