package org.ringback.generator;

import java.util.Arrays;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar ringback.jar generate --practices N --days D [--seed S]}: runs the generator when the first
 * argument is {@code generate} and does nothing otherwise. The exit status says how it went: 0 done, 2 invalid
 * arguments, 3 refused because the data is already there, 1 failed.
 */
@Component
class GenerateRunner implements ApplicationRunner, ExitCodeGenerator {

    static final String COMMAND = "generate";

    private final Generator generator;
    private volatile int exitCode;

    GenerateRunner(Generator generator) {
        this.generator = generator;
    }

    @Override
    public void run(ApplicationArguments args) {
        String[] source = args.getSourceArgs();
        if (source.length == 0 || !COMMAND.equals(source[0])) {
            return;
        }
        try {
            GenerateCommand command = GenerateCommand.parse(Arrays.asList(source));
            System.out.printf("generate: %,d practices x %,d days, seed %d, %d workers%n", command.practices(), command.days(),
                    command.seed(), command.workers());
            Generator.Summary s = generator.generate(command, System.out);
            double seconds = Math.max(0.001, s.took().toMillis() / 1000.0);
            System.out.printf("generate: done in %dm%02ds: %,d practices, %,d patients, %,d callbacks, %,d attempts, %,d timeline events, "
                            + "%,d clock events, %,d rows (%,.0f rows/s); database size %,d MB%n", s.took().toMinutes(), s.took().toSecondsPart(),
                    s.practices(), s.patients(), s.callbacks(), s.attempts(), s.events(), s.slaEvents(), s.rows(), s.rows() / seconds,
                    s.databaseBytes() / (1024 * 1024));
            exitCode = 0;
        } catch (GenerateCommand.InvalidArguments e) {
            System.err.println("generate: " + e.getMessage());
            exitCode = 2;
        } catch (Generator.AlreadyGenerated e) {
            System.err.println("generate: refused: " + e.getMessage());
            exitCode = 3;
        } catch (RuntimeException e) {
            System.err.println("generate: failed: " + e.getMessage());
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
