package main

// pingpong: round trips over one unbuffered channel (see pingpong.chan).
func pingpong(n int) int {
	c := make(chan int)
	go func() {
		for v := range c {
			c <- v
		}
	}()
	for i := 0; i < n; i++ {
		c <- i
		<-c
	}
	close(c)
	return n
}
