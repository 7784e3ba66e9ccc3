package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** main builds only the subcommand it runs; nothing a user sees may differ from the whole command line. */
class SubcommandsTest {

    @Test
    void aRunOfOneCommandBuildsOnlyThatCommand() {
        assertThat(IisDiag.subcommandsFor(new String[] {"diagnose", "case"})).containsExactly(DiagnoseCommand.class);
        assertThat(IisDiag.subcommandsFor(new String[] {"lint"})).containsExactly(LintCommand.class);
    }

    @Test
    void helpATopLevelOptionAMisspeltOrMissingCommandBuildEveryCommand() {
        for (String[] args : List.of(new String[] {}, new String[] {"help", "diagnose"}, new String[] {"--help"},
                new String[] {"diagnos", "case"}, new String[] {"--version"})) {
            assertThat(IisDiag.subcommandsFor(args)).as(String.join(" ", args)).isEqualTo(IisDiag.SUBCOMMANDS);
        }
    }

    @Test
    void theListNamesEveryCommandOnce() {
        CommandLine whole = IisDiag.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertThat(whole.getSubcommands().keySet())
                .containsExactly("diagnose", "test", "lint", "explain", "daemon", "bench", "help");
        for (Class<?> c : IisDiag.SUBCOMMANDS) {
            assertThat(whole.getSubcommands()).containsKey(IisDiag.nameOf(c));
        }
    }

    @Test
    void aCommandsHelpIsTheSameBuiltAloneOrWithTheOthers() {
        for (Class<?> c : IisDiag.SUBCOMMANDS) {
            String name = IisDiag.nameOf(c);
            if (c == CommandLine.HelpCommand.class) {
                continue;
            }
            String alone = CliRun.of(name, "--help").out();
            StringWriter out = new StringWriter();
            int code = IisDiag.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
                    .execute(name, "--help");
            assertThat(code).isZero();
            assertThat(alone).as(name).contains("Usage: iisdiag " + name).isEqualTo(out.toString());
        }
    }

    @Test
    void aMisspeltCommandIsStillAnsweredWithTheCommandsThereAre() {
        CliRun run = CliRun.of("diagnos", "case");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("diagnose");
    }
}
