package main

// chameneos: chameneos-redux with a mall goroutine that pairs requests from one channel; two games,
// 3 creatures then 10 (see chameneos.chan).
type colour int

const (
	blue colour = iota
	red
	yellow
	none // the mall's "stop" answer, Chan's nil
)

type request struct {
	colour colour
	reply  chan colour
}

func complement(a, b colour) colour {
	if a == b {
		return a
	}
	for _, c := range []colour{blue, red, yellow} {
		if c != a && c != b {
			return c
		}
	}
	return a
}

func creature(c colour, mall chan request, done chan int) {
	me := make(chan colour)
	meetings := 0
	for {
		mall <- request{c, me}
		other := <-me
		if other == none {
			done <- meetings
			return
		}
		c = complement(c, other)
		meetings++
	}
}

func host(n, creatures int, mall chan request) {
	for i := 0; i < n; i++ {
		r1 := <-mall
		r2 := <-mall
		r1.reply <- r2.colour
		r2.reply <- r1.colour
	}
	for i := 0; i < creatures; i++ {
		r := <-mall
		r.reply <- none
	}
}

func game(n int, colours []colour) int {
	mall := make(chan request)
	done := make(chan int)
	go host(n, len(colours), mall)
	for _, c := range colours {
		go creature(c, mall, done)
	}
	total := 0
	for range colours {
		total += <-done
	}
	return total
}

func chameneos(n int) int {
	met := game(n, []colour{blue, red, yellow})
	met += game(n, []colour{blue, red, yellow, red, yellow, blue, red, yellow, red, blue})
	if met != 4*n {
		panic("meetings miscounted")
	}
	return 2 * n
}
