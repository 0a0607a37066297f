package awfy;

/** Mandelbrot: a size x size bitmap folded into a checksum; the inner iteration count is the size. */
public final class Mandelbrot extends Benchmark {
    @Override
    public Object run(int innerIterations) {
        int result = mandelbrot(innerIterations);
        if (!verifyResult(result, innerIterations)) {
            throw new IllegalStateException("Mandelbrot: wrong result " + result);
        }
        return result;
    }

    @Override
    public boolean innerBenchmarkLoop(int innerIterations) {
        return verifyResult(mandelbrot(innerIterations), innerIterations);
    }

    @Override
    public Object benchmark() {
        throw new UnsupportedOperationException("Should never be reached");
    }

    @Override
    public boolean verifyResult(Object result) {
        throw new UnsupportedOperationException("Should never be reached");
    }

    private static boolean verifyResult(int result, int innerIterations) {
        return switch (innerIterations) {
            case 500 -> result == 191;
            case 750 -> result == 50;
            case 1 -> result == 128;
            default -> {
                System.out.println("no verification result for " + innerIterations + " found; result is " + result);
                yield false;
            }
        };
    }

    private static int mandelbrot(int size) {
        int sum = 0;
        int byteAcc = 0;
        int bitNum = 0;
        int y = 0;
        while (y < size) {
            double ci = (2.0 * y / size) - 1.0;
            int x = 0;
            while (x < size) {
                double zrzr = 0.0;
                double zi = 0.0;
                double zizi = 0.0;
                double cr = (2.0 * x / size) - 1.5;
                int z = 0;
                boolean notDone = true;
                int escape = 0;
                while (notDone && z < 50) {
                    double zr = zrzr - zizi + cr;
                    zi = 2.0 * zr * zi + ci;
                    zrzr = zr * zr;
                    zizi = zi * zi;
                    if (zrzr + zizi > 4.0) {
                        notDone = false;
                        escape = 1;
                    }
                    z += 1;
                }
                byteAcc = (byteAcc << 1) + escape;
                bitNum += 1;
                if (bitNum == 8) {
                    sum ^= byteAcc;
                    byteAcc = 0;
                    bitNum = 0;
                } else if (x == size - 1) {
                    byteAcc <<= (8 - bitNum);
                    sum ^= byteAcc;
                    byteAcc = 0;
                    bitNum = 0;
                }
                x += 1;
            }
            y += 1;
        }
        return sum;
    }
}
