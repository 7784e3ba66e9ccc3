package org.iisdiag.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import org.iisdiag.TestPack;
import org.iisdiag.conclusions.Benign;
import org.iisdiag.conclusions.Caveat;
import org.iisdiag.conclusions.Certainty;
import org.iisdiag.conclusions.Diagnosis;
import org.iisdiag.conclusions.Known;
import org.iisdiag.conclusions.NotPlanned;
import org.iisdiag.conclusions.Params;
import org.iisdiag.conclusions.PlanRole;
import org.iisdiag.conclusions.PlannedAction;
import org.iisdiag.conclusions.Target;
import org.iisdiag.conclusions.Tier;
import org.iisdiag.conclusions.Weight;
import org.iisdiag.engine.Conclusions;
import org.iisdiag.evidence.CaseEvidence;
import org.iisdiag.evidence.env.EnvFacts;
import org.iisdiag.facts.ApplicationType;
import org.iisdiag.facts.EvidenceFact;
import org.iisdiag.facts.HttpErrCount;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.ServerEnvironment;
import org.iisdiag.facts.Tristate;
import org.iisdiag.facts.UriCount;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.knowledge.KnowledgeBaseLoader;
import org.iisdiag.report.DiagnosisReport.RankedAction;
import org.iisdiag.report.DiagnosisReport.ReportedDiagnosis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * From the rules' raw conclusions to the report, with conclusions written by hand so each test shows one
 * behaviour: merging per target, absorbing target-less conclusions, tiers and weights, prerequisites,
 * conditions, shell safety of values from the case, the verdict, and order independence.
 */
class ReportBuilderTest {
    private static final Instant T0 = Instant.parse("2025-01-09T14:00:00Z");
    private static final Instant T1 = Instant.parse("2025-01-09T14:09:00Z");
    private static KnowledgeBase kb;

    @BeforeAll
    static void loadKb() throws Exception {
        kb = KnowledgeBaseLoader.load(TestPack.kb());
    }

    private static ServerEnvironment server(Tristate internetFacing, Tristate tracing) {
        return new ServerEnvironment("WEB01", "10.0", ApplicationType.ASPNET_CORE, internetFacing, tracing);
    }

    private static CaseEvidence evidence(ServerEnvironment server, EvidenceFact... facts) {
        List<IisStatusCount> counts = new ArrayList<>();
        List<HttpErrCount> httpErr = new ArrayList<>();
        List<Object> other = new ArrayList<>();
        for (EvidenceFact f : facts) {
            if (f instanceof IisStatusCount c) {
                counts.add(c);
            } else if (f instanceof HttpErrCount h) {
                httpErr.add(h);
            } else {
                other.add(f);
            }
        }
        return new CaseEvidence("case", List.of(), new EnvFacts(server, List.of(), List.of(), "", List.of()), List.of(),
                other, counts, httpErr, List.of(), Optional.empty(), List.of(), httpErr.stream().mapToLong(HttpErrCount::count).sum(),
                List.of());
    }

    private static HttpErrCount offline(String pool, long count, String... uris) {
        List<UriCount> top = new ArrayList<>();
        for (String u : uris) {
            top.add(new UriCount(u, count / uris.length, 0));
        }
        return new HttpErrCount("", "AppOffline", 503, "1", pool, count, T0, T1, top, List.of());
    }

    private static Target pool(String name) {
        return new Target("", 1, "Shop", "", name);
    }

    private static Diagnosis diagnosis(String id, Certainty c, Target t, List<EvidenceFact> evidence, String... params) {
        return new Diagnosis(id, c, t, Params.of(params), evidence, "t." + id);
    }

    private static PlannedAction plan(Diagnosis d, PlanRole role, int order, String action) {
        return new PlannedAction(action, role, order, d.target(), d.diagnosisId(), d.key(), d.certainty(), "", d.params(),
                d.evidence(), "plan.rule");
    }

    private static PlannedAction prerequisite(PlannedAction of, String action) {
        return new PlannedAction(action, PlanRole.PREREQUISITE, of.order(), of.target(), of.reason(), of.key(), of.certainty(),
                of.severity(), of.params(), of.evidence(), "plan.prerequisite");
    }

    private static Tier tier(PlannedAction p, int t) {
        return new Tier(p.key(), t, "tier " + t + " for " + p.reason(), "rank.tier-" + t);
    }

    private static Weight weight(PlannedAction p, int delta, String reason) {
        return new Weight(p.key(), delta, reason, "rank.w");
    }

    /** Conclusions with the given parts; the lists the test leaves out are empty. */
    private record C(List<Diagnosis> diagnoses, List<Known> known, List<PlannedAction> planned, List<NotPlanned> notPlanned,
                     List<Tier> tiers, List<Weight> weights, List<Caveat> caveats) {
        Conclusions conclusions() {
            return new Conclusions(diagnoses, known, planned, notPlanned, tiers, weights, caveats, List.of(), List.of(),
                    List.of(), List.of(), new TreeMap<>());
        }
    }

    private static DiagnosisReport build(CaseEvidence e, C c) {
        return new ReportBuilder(kb).build(e, c.conclusions(), "iisdiag test");
    }

    // ---------------------------------------------------------------------------------------- normal

    @Test
    void aCountThatADiagnosisRestsOnIsNotShownAsNormal() {
        // HTTPERR Connection_Dropped is normal on its own, but here it is the back end's side of ARR's 502.3
        HttpErrCount dropped = new HttpErrCount("", "Connection_Dropped", 0, "1", "InvoicesPool", 4, T0, T1, List.of(), List.of());
        HttpErrCount idle = new HttpErrCount("", "Timer_ConnectionIdle", 0, "1", "", 9, T0, T1, List.of(), List.of());
        Diagnosis d = diagnosis("arr-backend-dropped-connection", Certainty.CONFIRMED, pool("InvoicesPool"), List.of(dropped));
        Conclusions c = new Conclusions(List.of(d), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(new Benign(dropped, "stray requests", "benign.stray"), new Benign(idle, "idle connections", "benign.idle")),
                List.of(), List.of(), new TreeMap<>());
        DiagnosisReport r = new ReportBuilder(kb).build(evidence(server(Tristate.YES, Tristate.YES), dropped, idle), c, "t");
        assertThat(r.benign()).extracting(DiagnosisReport.BenignNote::rule).containsExactly("benign.idle");
        assertThat(r.summary().errorStatuses()).filteredOn(t -> t.code().contains("Connection_Dropped"))
                .singleElement().satisfies(t -> assertThat(t.benign()).isFalse());
        assertThat(r.summary().errorStatuses()).filteredOn(t -> t.code().contains("Timer_ConnectionIdle"))
                .singleElement().satisfies(t -> assertThat(t.benign()).isTrue());
    }

    // ---------------------------------------------------------------------------------------- merging

    @Test
    void diagnosesAndActionsOfOneThingForOneTargetMergeAndOtherTargetsStayApart() {
        HttpErrCount shopA = offline("ShopPool", 200, "/cart");
        HttpErrCount shopB = offline("ShopPool", 64, "/checkout");
        HttpErrCount api = offline("ApiPool", 10, "/api");
        Diagnosis d1 = diagnosis("app-pool-not-serving", Certainty.CONFIRMED, pool("ShopPool"), List.of(shopA), "count", "200");
        Diagnosis d2 = diagnosis("app-pool-not-serving", Certainty.PROBABLE, pool("ShopPool"), List.of(shopB), "count", "64");
        Diagnosis d3 = diagnosis("app-pool-not-serving", Certainty.CONFIRMED, new Target("", 1, "Shop", "/api", "ApiPool"),
                List.of(api), "count", "10");
        List<PlannedAction> planned = new ArrayList<>();
        List<Tier> tiers = new ArrayList<>();
        for (Diagnosis d : List.of(d1, d2, d3)) {
            PlannedAction p = plan(d, PlanRole.COLLECT, 0, "check-app-pool-state");
            planned.add(p);
            tiers.add(tier(p, d.certainty() == Certainty.CONFIRMED ? 1 : 2));
        }
        DiagnosisReport r = build(evidence(server(Tristate.NO, Tristate.YES), shopA, shopB, api),
                new C(List.of(d1, d2, d3), List.of(), planned, List.of(), tiers, List.of(), List.of()));

        assertThat(r.diagnoses()).hasSize(2);
        ReportedDiagnosis shop = r.diagnoses().stream().filter(d -> d.target().appPool().equals("ShopPool")).findFirst().orElseThrow();
        assertThat(shop.certainty()).as("the surest of the merged").isEqualTo("confirmed");
        assertThat(shop.evidence()).extracting(DiagnosisReport.EvidenceItem::occurrences).containsExactly(200L, 64L);
        assertThat(shop.explanation()).as("counts of merged diagnoses add up").contains("answered 264 requests");
        assertThat(shop.rules()).containsExactly("t.app-pool-not-serving");

        // check-app-pool-state is pool-scoped: one per pool, the best tier of its plan steps
        assertThat(r.actions()).extracting(RankedAction::id).containsExactly("check-app-pool-state", "check-app-pool-state");
        assertThat(r.actions()).extracting(a -> a.target().appPool()).containsExactlyInAnyOrder("ShopPool", "ApiPool");
        RankedAction shopAction = r.actions().stream().filter(a -> a.target().appPool().equals("ShopPool")).findFirst().orElseThrow();
        assertThat(shopAction.tier()).isEqualTo(1);
        assertThat(shopAction.evidenceTotal()).isEqualTo(2);
        assertThat(shopAction.steps()).anySatisfy(s -> assertThat(s).contains("list apppool \"ShopPool\""));
        // the diagnosis's plan points at the action each step became, or says it was not recommended
        assertThat(shop.plan()).extracting(DiagnosisReport.PlanItem::action, DiagnosisReport.PlanItem::rank,
                        DiagnosisReport.PlanItem::note)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("check-app-pool-state", shopAction.rank(), ""),
                        org.assertj.core.groups.Tuple.tuple("review-was-events", 0, "not recommended for this case"));
    }

    @Test
    void aPoolNamedByParameterAndAPoolNamedByTheTargetPlanTheSameActionOnce() {
        HttpErrCount a = offline("ShopPool", 20, "/cart");
        HttpErrCount b = offline("ShopPool", 5, "/report");
        // one rule passes the pool by name, the other leaves it to the target; the title shows the same pool
        Diagnosis named = diagnosis("worker-memory-limit-recycle", Certainty.CONFIRMED, pool("ShopPool"), List.of(a),
                "appPool", "ShopPool");
        Diagnosis bare = diagnosis("worker-out-of-memory", Certainty.CONFIRMED, pool("ShopPool"), List.of(b));
        List<PlannedAction> planned = new ArrayList<>();
        List<Tier> tiers = new ArrayList<>();
        for (Diagnosis d : List.of(named, bare)) {
            PlannedAction p = plan(d, PlanRole.COLLECT, 0, "capture-memory-leak-dumps");
            planned.add(p);
            tiers.add(tier(p, 1));
        }
        DiagnosisReport r = build(evidence(server(Tristate.NO, Tristate.YES), a, b),
                new C(List.of(named, bare), List.of(), planned, List.of(), tiers, List.of(), List.of()));
        assertThat(r.actions()).extracting(RankedAction::id).containsExactly("capture-memory-leak-dumps");
        assertThat(r.actions().get(0).title()).contains("ShopPool");
    }

    @Test
    void aTargetlessConclusionMergesIntoTheOneSpecificConclusionOfItsKind() {
        record G(String kind, Target target, List<String> members) {
        }
        G bare = new G("crash", Target.CASE, new ArrayList<>(List.of("event")));
        G shop = new G("crash", pool("ShopPool"), new ArrayList<>(List.of("was")));
        G other = new G("other", pool("ApiPool"), new ArrayList<>(List.of("x")));
        List<G> merged = ReportBuilder.absorb(new ArrayList<>(List.of(bare, shop, other)), G::kind, G::target,
                (into, from) -> into.members().addAll(from.members()));
        assertThat(merged).containsExactly(shop, other);
        assertThat(shop.members()).containsExactly("was", "event");

        // two candidates: it cannot be told which one it belongs to, so nothing merges
        G bare2 = new G("crash", Target.CASE, new ArrayList<>(List.of("event")));
        G a = new G("crash", pool("ShopPool"), new ArrayList<>());
        G b = new G("crash", pool("ApiPool"), new ArrayList<>());
        assertThat(ReportBuilder.absorb(new ArrayList<>(List.of(bare2, a, b)), G::kind, G::target, (x, y) -> x.members().add("!")))
                .containsExactly(bare2, a, b);
        assertThat(a.members()).isEmpty();

        // a conclusion about another server is not a candidate
        G onWeb02 = new G("crash", new Target("WEB02", -1, "", "", ""), new ArrayList<>());
        G onWeb01 = new G("crash", new Target("WEB01", 1, "Shop", "", "ShopPool"), new ArrayList<>());
        assertThat(ReportBuilder.absorb(new ArrayList<>(List.of(onWeb02, onWeb01)), G::kind, G::target, (x, y) -> { }))
                .containsExactly(onWeb02, onWeb01);
    }

    @Test
    void aTargetlessDiagnosisJoinsThePoolSpecificOneInTheReport() {
        HttpErrCount shop = offline("ShopPool", 20, "/cart");
        IisStatusCount unplaced = TestPack.iis("", 503, 0, 0, 5, "/cart");
        Diagnosis specific = diagnosis("app-pool-not-serving", Certainty.CONFIRMED, pool("ShopPool"), List.of(shop));
        Diagnosis bare = diagnosis("app-pool-not-serving", Certainty.PROBABLE, Target.CASE, List.of(unplaced));
        DiagnosisReport r = build(evidence(server(Tristate.NO, Tristate.YES), shop, unplaced),
                new C(List.of(bare, specific), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
        assertThat(r.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.target().appPool()).isEqualTo("ShopPool");
            assertThat(d.evidenceTotal()).isEqualTo(2);
        });
    }

    // ---------------------------------------------------------------------------------------- ranking

    @Test
    void tiersThenWeightsThenIdsAndEveryPlacementIsExplained() {
        HttpErrCount e = offline("ShopPool", 20, "/cart");
        Diagnosis confirmed = diagnosis("rapid-fail-disabled-pool", Certainty.CONFIRMED, pool("ShopPool"), List.of(e));
        Diagnosis possible = diagnosis("worker-process-ended-with-requests", Certainty.POSSIBLE, pool("ShopPool"), List.of(e));
        PlannedAction start = plan(confirmed, PlanRole.FIX, 0, "start-app-pool");
        PlannedAction was = plan(possible, PlanRole.COLLECT, 0, "review-was-events");
        PlannedAction unplaced = plan(possible, PlanRole.COLLECT, 1, "capture-hang-dumps");
        DiagnosisReport r = build(evidence(server(Tristate.NO, Tristate.YES), e), new C(List.of(confirmed, possible),
                List.of(), List.of(start, was, unplaced), List.of(), List.of(tier(start, 1), tier(was, 3)),
                List.of(weight(was, 40, "cheap"), weight(was, -10, "second step"), weight(unplaced, 100, "heavy")), List.of()));
        assertThat(r.actions()).extracting(RankedAction::id).containsExactly("start-app-pool", "capture-hang-dumps",
                "review-was-events");
        RankedAction first = r.actions().get(0);
        assertThat(first.priority()).isEqualTo("P1");
        assertThat(first.role()).isEqualTo("fix");
        assertThat(first.serves()).containsExactly("rapid-fail-disabled-pool");
        assertThat(first.rationale()).singleElement().isEqualTo(
                new DiagnosisReport.Reason("tier", 1, "tier 1 for rapid-fail-disabled-pool", "rank.tier-1"));
        // no ranking rule placed it: tier 3, and the report says so
        assertThat(r.actions().get(1).tier()).isEqualTo(3);
        assertThat(r.actions().get(1).rationale().get(0).reason()).isEqualTo("no ranking rule placed it");
        // weights follow the tier, largest first
        assertThat(r.actions().get(2).rationale()).extracting(DiagnosisReport.Reason::kind, DiagnosisReport.Reason::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("tier", 3), org.assertj.core.groups.Tuple.tuple("weight", 40),
                        org.assertj.core.groups.Tuple.tuple("weight", -10));
        assertThat(r.actions()).extracting(RankedAction::rank).containsExactly(1, 2, 3);
    }

    /** capture-freb-for-status requires the Tracing role service unless it is installed. */
    private static C frebWithPrerequisite(PlannedAction[] out, HttpErrCount e) {
        Diagnosis d = diagnosis("server-error-without-detail", Certainty.POSSIBLE, pool("ShopPool"), List.of(e),
                "statusCode", "500.0");
        PlannedAction freb = plan(d, PlanRole.COLLECT, 1, "capture-freb-for-status");
        PlannedAction tracing = prerequisite(freb, "install-tracing-role-service");
        Diagnosis other = diagnosis("rapid-fail-disabled-pool", Certainty.CONFIRMED, pool("ShopPool"), List.of(e));
        PlannedAction start = plan(other, PlanRole.FIX, 0, "start-app-pool");
        PlannedAction was = plan(d, PlanRole.COLLECT, 0, "review-was-events");
        out[0] = freb;
        out[1] = tracing;
        return new C(List.of(d, other), List.of(), List.of(freb, tracing, start, was), List.of(),
                List.of(tier(freb, 3), tier(start, 1), tier(was, 3)),
                // the prerequisite has no weight of its own: it takes the weights of the step that needs it
                List.of(weight(freb, 5, "freb"), weight(was, 1, "was")), List.of());
    }

    @Test
    void aPrerequisiteGoesRightBeforeTheActionThatNeedsItInThatActionsTier() {
        HttpErrCount e = offline("ShopPool", 20, "/cart");
        PlannedAction[] p = new PlannedAction[2];
        DiagnosisReport r = build(evidence(server(Tristate.NO, Tristate.NO), e), frebWithPrerequisite(p, e));
        assertThat(r.actions()).extracting(RankedAction::id).containsExactly("start-app-pool", "install-tracing-role-service",
                "capture-freb-for-status", "review-was-events");
        RankedAction tracing = r.actions().get(1);
        assertThat(tracing.tier()).isEqualTo(3);
        assertThat(tracing.role()).isEqualTo("prerequisite");
        assertThat(tracing.serves()).containsExactly("server-error-without-detail");
        assertThat(r.actions().get(2).requires()).containsExactly("install-tracing-role-service");
    }

    @Test
    void aPrerequisiteWhoseConditionTheCaseContradictsIsLeftOut() {
        HttpErrCount e = offline("ShopPool", 20, "/cart");
        PlannedAction[] p = new PlannedAction[2];
        DiagnosisReport installed = build(evidence(server(Tristate.NO, Tristate.YES), e), frebWithPrerequisite(p, e));
        assertThat(installed.actions()).extracting(RankedAction::id).doesNotContain("install-tracing-role-service");
        assertThat(installed.actions()).filteredOn(a -> a.id().equals("capture-freb-for-status"))
                .singleElement().satisfies(a -> assertThat(a.requires()).isEmpty());
        // not knowing whether it is installed keeps it
        DiagnosisReport unknown = build(evidence(server(Tristate.NO, Tristate.UNKNOWN), e), frebWithPrerequisite(p, e));
        assertThat(unknown.actions()).extracting(RankedAction::id).contains("install-tracing-role-service");
    }

    // ---------------------------------------------------------------------------------------- fitting

    @Test
    void hostileValuesFromTheCaseAreNamedNotEmbeddedInCommands() {
        for (String hostile : List.of("x\"&calc.exe&\"", "$(calc)", "a%PATH%b", "pool`whoami`")) {
            HttpErrCount e = offline(hostile, 20, "/cart");
            Diagnosis d = diagnosis("app-pool-not-serving", Certainty.CONFIRMED, pool(hostile), List.of(e));
            PlannedAction p = plan(d, PlanRole.COLLECT, 0, "check-app-pool-state");
            DiagnosisReport r = build(evidence(server(Tristate.NO, Tristate.YES), e),
                    new C(List.of(d), List.of(), List.of(p), List.of(), List.of(tier(p, 1)), List.of(), List.of()));
            RankedAction a = r.actions().get(0);
            assertThat(String.join("\n", a.steps())).as(hostile).doesNotContain(hostile)
                    .contains("\"<appPool, see the evidence>\"");
            assertThat(String.join("\n", a.verify())).as(hostile).doesNotContain(hostile);
            assertThat(a.caveats()).as(hostile).anySatisfy(c -> assertThat(c)
                    .startsWith("The value of appPool has characters a shell would interpret"));
        }
        // an ordinary name, a machine account's trailing $ and a path are embedded as they are
        HttpErrCount e = offline("Shop Pool", 20, "/cart");
        Diagnosis d = diagnosis("app-pool-not-serving", Certainty.CONFIRMED, pool("Shop Pool"), List.of(e));
        PlannedAction p = plan(d, PlanRole.COLLECT, 0, "check-app-pool-state");
        RankedAction a = build(evidence(server(Tristate.NO, Tristate.YES), e),
                new C(List.of(d), List.of(), List.of(p), List.of(), List.of(tier(p, 1)), List.of(), List.of())).actions().get(0);
        assertThat(a.steps()).anySatisfy(s -> assertThat(s).contains("list apppool \"Shop Pool\""));
        assertThat(a.caveats()).isEmpty();
    }

    @Test
    void shellSafetyOfSingleValues() {
        for (String bad : List.of("x\"&calc.exe&\"", "$(calc)", "${env:USERPROFILE}", "$env", "%PATH%", "a`b", "it's",
                "line\nbreak", "tab\there", "\u202eevil", "\u2066x", "$$", "$?", "$_",
                // some steps put a value outside quotes (http://localhost{url}): cmd and PowerShell separators
                "/api/orders?id=5&x=1", "a|b", "a<b", "a>b", "a^b", "/a;calc")) {
            assertThat(ShellSafety.unsafe(bad)).as(bad).isTrue();
        }
        for (String ok : List.of("Default Web Site", "CONTOSO\\WEB01$", "C:\\inetpub\\wwwroot\\web.config", "$", "a$ b",
                "/api/orders?id=5", "Shop (prod)", "IIS APPPOOL\\ShopPool", "")) {
            assertThat(ShellSafety.unsafe(ok)).as(ok).isFalse();
        }
        assertThat(ShellSafety.unsafe(null)).isFalse();
    }

    @Test
    void stepsAreFittedToTheCaseByTheirConditions() {
        HttpErrCount e = offline("ShopPool", 20, "/cart");
        Diagnosis d = diagnosis("server-error-without-detail", Certainty.POSSIBLE, pool("ShopPool"), List.of(e),
                "statusCode", "500.0");
        PlannedAction p = plan(d, PlanRole.COLLECT, 0, "capture-freb-for-status");
        C c = new C(List.of(d), List.of(), List.of(p), List.of(), List.of(tier(p, 3)), List.of(), List.of());
        // env.yaml says aspnetcore: the ANCM step is kept without a condition, the ARR step dropped
        RankedAction core = build(evidence(server(Tristate.NO, Tristate.YES), e), c).actions().get(0);
        assertThat(core.steps()).anySatisfy(s -> assertThat(s).startsWith("The WWW Server areas include ANCM"));
        assertThat(core.steps()).noneMatch(s -> s.contains("RequestRouting so the trace"));
        // nothing says which stack: both steps are shown, each with its condition
        ServerEnvironment unknownStack = new ServerEnvironment("WEB01", "10.0", ApplicationType.UNKNOWN, Tristate.NO, Tristate.YES);
        RankedAction any = build(evidence(unknownStack, e), c).actions().get(0);
        assertThat(any.steps()).anySatisfy(s -> assertThat(s).startsWith("If stack is aspnetcore: The WWW Server areas include ANCM"));
        assertThat(any.steps()).anySatisfy(s -> assertThat(s).startsWith("If stack is arr: "));
    }

    @Test
    void aStepTheDiagnosisParametersContradictIsDropped() {
        HttpErrCount e = offline("ApiPool", 20, "/api");
        for (boolean hostStarted : new boolean[] {true, false}) {
            Diagnosis d = hostStarted
                    ? diagnosis("aspnetcore-wrong-process-path", Certainty.CONFIRMED, pool("ApiPool"), List.of(e),
                            "processPath", "dotnet", "arguments", ".\\Api.dll", "hostStarted", "true",
                            "appFolder", "D:\\Sites\\Api\\", "webConfig", "D:\\Sites\\Api\\web.config")
                    : diagnosis("aspnetcore-wrong-process-path", Certainty.CONFIRMED, pool("ApiPool"), List.of(e),
                            "processPath", "dotnet", "arguments", ".\\Api.dll");
            PlannedAction p = plan(d, PlanRole.FIX, 0, "fix-aspnetcore-process-path");
            C c = new C(List.of(d), List.of(), List.of(p), List.of(), List.of(tier(p, 1)), List.of(), List.of());
            RankedAction a = build(evidence(server(Tristate.NO, Tristate.YES), e), c).actions().get(0);
            if (hostStarted) {
                // the .NET host answered: dotnet is on the PATH, no Hosting Bundle step; the folder is filled in
                assertThat(a.steps()).noneMatch(s -> s.contains("Hosting Bundle"));
                assertThat(a.steps()).anySatisfy(s -> assertThat(s).contains("D:\\Sites\\Api\\*.dll"));
            } else {
                assertThat(a.steps()).anySatisfy(s -> assertThat(s).contains("repair the Hosting Bundle"));
                assertThat(a.steps()).anySatisfy(s -> assertThat(s).contains("<application folder>"));
            }
        }
    }

    // ---------------------------------------------------------------------------------------- the rest

    @Test
    void thePlanSaysWhatBecameOfEachStep() {
        HttpErrCount e = offline("ShopPool", 20, "/cart");
        Diagnosis d = diagnosis("app-pool-not-serving", Certainty.CONFIRMED, pool("ShopPool"), List.of(e));
        PlannedAction p = plan(d, PlanRole.COLLECT, 0, "check-app-pool-state");
        NotPlanned skipped = new NotPlanned("review-was-events", PlanRole.COLLECT, d.target(), d.diagnosisId(),
                "the case already shows system-events, pool-state", "plan.skip-what-is-known");
        DiagnosisReport r = build(evidence(server(Tristate.NO, Tristate.YES), e),
                new C(List.of(d), List.of(new Known(Target.CASE, "system-events", "the System log is in the case", List.of(), "k")),
                        List.of(p), List.of(skipped), List.of(tier(p, 1)), List.of(), List.of()));
        ReportedDiagnosis rd = r.diagnoses().get(0);
        assertThat(rd.plan()).extracting(DiagnosisReport.PlanItem::action, DiagnosisReport.PlanItem::rank,
                        DiagnosisReport.PlanItem::note)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("check-app-pool-state", 1, ""),
                        org.assertj.core.groups.Tuple.tuple("review-was-events", 0, "the case already shows system-events, pool-state"));
        assertThat(rd.known()).containsExactly("system-events: the System log is in the case");
        assertThat(r.notRecommended()).singleElement().satisfies(n -> {
            assertThat(n.action()).isEqualTo("review-was-events");
            assertThat(n.diagnosis()).isEqualTo("app-pool-not-serving");
            assertThat(n.rule()).isEqualTo("plan.skip-what-is-known");
        });
    }

    @Test
    void theVerdictLeadsWithTheGravestDiagnosisThatIsMoreThanPossible() {
        HttpErrCount e = offline("ShopPool", 20, "/cart");
        // a possible diagnosis of high severity and a confirmed one of medium severity
        Diagnosis possible = diagnosis("server-error-without-detail", Certainty.POSSIBLE, pool("ShopPool"), List.of(e));
        Diagnosis confirmed = diagnosis("request-filtering-rule", Certainty.CONFIRMED, pool("ShopPool"), List.of(e));
        assertThat(kb.diagnosis("server-error-without-detail").severity().name()).isEqualTo("HIGH");
        assertThat(kb.diagnosis("request-filtering-rule").severity().name()).isEqualTo("MEDIUM");
        ServerEnvironment s = server(Tristate.NO, Tristate.YES);
        DiagnosisReport both = build(evidence(s, e), new C(List.of(possible, confirmed), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of()));
        assertThat(both.verdict().severity()).as("what is more than possible decides").isEqualTo("medium");
        assertThat(both.diagnoses()).extracting(ReportedDiagnosis::id).as("but the list is by severity")
                .containsExactly("server-error-without-detail", "request-filtering-rule");
        assertThat(both.verdict().happened()).hasSize(2);
        // only possible diagnoses: the gravest of them
        assertThat(build(evidence(s, e), new C(List.of(possible), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of())).verdict().severity()).isEqualTo("high");
        DiagnosisReport nothing = build(evidence(s), new C(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of()));
        assertThat(nothing.verdict().severity()).isEqualTo("none");
        assertThat(nothing.verdict().happened()).isEmpty();
        assertThat(nothing.verdict().doNow()).isEmpty();
    }

    @Test
    void anUnknownDiagnosisOrActionFromARuleIsABugNotASilentGap() {
        HttpErrCount e = offline("ShopPool", 20, "/cart");
        Diagnosis typo = diagnosis("no-such-diagnosis", Certainty.CONFIRMED, pool("ShopPool"), List.of(e));
        assertThatThrownBy(() -> build(evidence(server(Tristate.NO, Tristate.YES), e),
                new C(List.of(typo), List.of(), List.of(), List.of(), List.of(), List.of(), List.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-diagnosis");
        Diagnosis d = diagnosis("app-pool-not-serving", Certainty.CONFIRMED, pool("ShopPool"), List.of(e));
        PlannedAction p = plan(d, PlanRole.FIX, 0, "no-such-action");
        assertThatThrownBy(() -> build(evidence(server(Tristate.NO, Tristate.YES), e),
                new C(List.of(d), List.of(), List.of(p), List.of(), List.of(), List.of(), List.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-action");
    }

    @Test
    void theReportDoesNotDependOnTheOrderOfRankingFacts() {
        HttpErrCount e = offline("ShopPool", 20, "/cart");
        PlannedAction[] p = new PlannedAction[2];
        C c = frebWithPrerequisite(p, e);
        // caveats come sorted from the engine and keep that order; the rest is gathered by key
        List<Caveat> caveats = List.of(new Caveat(p[0].key(), "also careful", "rank.c"), new Caveat(p[0].key(), "careful", "rank.c"));
        List<Known> known = List.of(new Known(Target.CASE, "iis-log", "a", List.of(), "k1"),
                new Known(pool("ShopPool"), "error-detail", "b", List.of(), "k2"));
        String expected = new JsonRenderer().render(build(evidence(server(Tristate.NO, Tristate.NO), e),
                new C(c.diagnoses(), known, c.planned(), c.notPlanned(), c.tiers(), c.weights(), caveats)));
        Random random = new Random(7);
        for (int i = 0; i < 5; i++) {
            List<Tier> tiers = shuffled(c.tiers(), random);
            List<Weight> weights = shuffled(c.weights(), random);
            String again = new JsonRenderer().render(build(evidence(server(Tristate.NO, Tristate.NO), e),
                    new C(c.diagnoses(), shuffled(known, random), c.planned(), c.notPlanned(), tiers, weights, caveats)));
            assertThat(again).isEqualTo(expected);
        }
    }

    private static <T> List<T> shuffled(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }

    @Test
    void mergedParametersJoinAggregatesAndKeepTheFirstOfOthers() {
        SortedMap<String, String> merged = ReportBuilder.mergeParams(List.of(
                new TreeMap<>(Map.of("count", "5", "statusCodes", "500.19", "appPool", "A", "url", "")),
                new TreeMap<>(Map.of("count", "7", "statusCodes", "404.13", "appPool", "B", "url", "/x")),
                new TreeMap<>(Map.of("count", "5"))));
        // counts add up, equal ones too (two conclusions of five entries each are ten); lists join
        assertThat(merged).containsEntry("count", "17").containsEntry("statusCodes", "500.19,404.13")
                .containsEntry("appPool", "A").containsEntry("url", "/x");
        assertThat(ReportBuilder.mergeParams(List.of(new TreeMap<>(Map.of("count", "1,200")),
                new TreeMap<>(Map.of("count", "34"))))).containsEntry("count", "1,234");
        assertThat(ReportBuilder.mergeParams(List.of(new TreeMap<>(Map.of("count", "Some")),
                new TreeMap<>(Map.of("count", "3"))))).as("not all counts: listed").containsEntry("count", "Some; 3");
    }
}
