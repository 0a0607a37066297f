package awfy;

/** NBody: the Jovian planets advanced in steps of 0.01; the inner iteration count is the number of steps. */
public final class NBody extends Benchmark {
    private static final double PI = 3.141592653589793;
    private static final double SOLAR_MASS = 4 * PI * PI;
    private static final double DAYS_PER_YEAR = 365.24;

    private static final class Body {
        private double x;
        private double y;
        private double z;
        private double vx;
        private double vy;
        private double vz;
        private final double mass;

        Body(double x, double y, double z, double vx, double vy, double vz, double mass) {
            this.x = x;
            this.y = y;
            this.z = z;
            this.vx = vx * DAYS_PER_YEAR;
            this.vy = vy * DAYS_PER_YEAR;
            this.vz = vz * DAYS_PER_YEAR;
            this.mass = mass * SOLAR_MASS;
        }

        void offsetMomentum(double px, double py, double pz) {
            vx = 0.0 - (px / SOLAR_MASS);
            vy = 0.0 - (py / SOLAR_MASS);
            vz = 0.0 - (pz / SOLAR_MASS);
        }
    }

    private static Body[] createBodies() {
        Body[] bodies = {
            new Body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0),
            new Body(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
                            1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05, 9.54791938424326609e-04),
            new Body(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
                            -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05, 2.85885980666130812e-04),
            new Body(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
                            2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05, 4.36624404335156298e-05),
            new Body(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
                            2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05, 5.15138902046611451e-05)};
        double px = 0.0;
        double py = 0.0;
        double pz = 0.0;
        for (Body b : bodies) {
            px += b.vx * b.mass;
            py += b.vy * b.mass;
            pz += b.vz * b.mass;
        }
        bodies[0].offsetMomentum(px, py, pz);
        return bodies;
    }

    private static void advance(Body[] bodies, double dt) {
        for (int i = 0; i < bodies.length; ++i) {
            Body iBody = bodies[i];
            for (int j = i + 1; j < bodies.length; ++j) {
                Body jBody = bodies[j];
                double dx = iBody.x - jBody.x;
                double dy = iBody.y - jBody.y;
                double dz = iBody.z - jBody.z;
                double dSquared = dx * dx + dy * dy + dz * dz;
                double distance = Math.sqrt(dSquared);
                double mag = dt / (dSquared * distance);
                iBody.vx = iBody.vx - (dx * jBody.mass * mag);
                iBody.vy = iBody.vy - (dy * jBody.mass * mag);
                iBody.vz = iBody.vz - (dz * jBody.mass * mag);
                jBody.vx = jBody.vx + (dx * iBody.mass * mag);
                jBody.vy = jBody.vy + (dy * iBody.mass * mag);
                jBody.vz = jBody.vz + (dz * iBody.mass * mag);
            }
        }
        for (Body body : bodies) {
            body.x = body.x + dt * body.vx;
            body.y = body.y + dt * body.vy;
            body.z = body.z + dt * body.vz;
        }
    }

    private static double energy(Body[] bodies) {
        double e = 0.0;
        for (int i = 0; i < bodies.length; ++i) {
            Body iBody = bodies[i];
            e += 0.5 * iBody.mass * (iBody.vx * iBody.vx + iBody.vy * iBody.vy + iBody.vz * iBody.vz);
            for (int j = i + 1; j < bodies.length; ++j) {
                Body jBody = bodies[j];
                double dx = iBody.x - jBody.x;
                double dy = iBody.y - jBody.y;
                double dz = iBody.z - jBody.z;
                double distance = Math.sqrt(dx * dx + dy * dy + dz * dz);
                e -= (iBody.mass * jBody.mass) / distance;
            }
        }
        return e;
    }

    @Override
    public Object run(int innerIterations) {
        Body[] bodies = createBodies();
        for (int i = 0; i < innerIterations; i++) {
            advance(bodies, 0.01);
        }
        double result = energy(bodies);
        if (!verifyResult(result, innerIterations)) {
            throw new IllegalStateException("NBody: wrong result " + result);
        }
        return result;
    }

    @Override
    public boolean innerBenchmarkLoop(int innerIterations) {
        try {
            run(innerIterations);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static boolean verifyResult(double result, int innerIterations) {
        return switch (innerIterations) {
            case 250000 -> result == -0.1690859889909308;
            case 1 -> result == -0.16907495402506745;
            default -> {
                System.out.println("no verification result for " + innerIterations + " found; result is " + result);
                yield false;
            }
        };
    }

    @Override
    public Object benchmark() {
        throw new UnsupportedOperationException("Should never be reached");
    }

    @Override
    public boolean verifyResult(Object result) {
        throw new UnsupportedOperationException("Should never be reached");
    }
}
