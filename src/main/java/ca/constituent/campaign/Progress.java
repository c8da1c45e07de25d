package ca.constituent.campaign;

/** Confirmed signatures against the goal, as the pages show them. */
public record Progress(long confirmed, int goal) {

    /** The share of the goal reached, 0 to 100, for the progress bar. */
    public int percent() {
        return goal <= 0 ? 0 : (int) Math.min(100, confirmed * 100 / goal);
    }
}
