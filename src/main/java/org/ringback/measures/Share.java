package org.ringback.measures;

/** A count out of a total, with the share (0..1, four decimals) or null when the total is zero: no data is not 0%. */
public record Share(int count, int of, Double share) {

    public static Share of(int count, int of) {
        if (count < 0 || count > of) {
            throw new IllegalArgumentException("a share needs 0 <= count <= of");
        }
        return new Share(count, of, of == 0 ? null : Math.round(10_000.0 * count / of) / 10_000.0);
    }

    public static final Share NONE = of(0, 0);

    public Share plus(Share other) {
        return of(count + other.count, of + other.of);
    }
}
