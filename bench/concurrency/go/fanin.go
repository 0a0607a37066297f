package main

// fanin: eight producers on their own unbuffered channels, one consumer selecting over all eight
// (see fanin.chan).
func produce(out chan int, n int) {
	for i := 1; i <= n; i++ {
		out <- i
	}
}

func fanin(per int) int {
	var cs [8]chan int
	for i := range cs {
		cs[i] = make(chan int)
		go produce(cs[i], per)
	}
	total := 0
	for got := 0; got < 8*per; got++ {
		select {
		case v := <-cs[0]:
			total += v
		case v := <-cs[1]:
			total += v
		case v := <-cs[2]:
			total += v
		case v := <-cs[3]:
			total += v
		case v := <-cs[4]:
			total += v
		case v := <-cs[5]:
			total += v
		case v := <-cs[6]:
			total += v
		case v := <-cs[7]:
			total += v
		}
	}
	if total != 8*per*(per+1)/2 {
		panic("lost a value")
	}
	return 8 * per
}
