package nl.wijkhub.delivery;

/** The delivery as a whole cannot be read (bad header, broken JSON): nothing of it is taken. */
public class DeliveryRefused extends RuntimeException {

  private final transient Problem problem;

  public DeliveryRefused(Problem problem) {
    super(problem.code());
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
