package org.iisdiag.evidence.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.iisdiag.facts.DotNetRuntimeCrash;
import org.junit.jupiter.api.Test;

/** .NET Runtime 1026: the stack names the application's code and whether a request was running it. */
class RuntimeCrashStackTest {

    private static final String ASYNC_VOID = """
            Application: w3wp.exe
            Framework Version: v4.0.30319
            Description: The process was terminated due to an unhandled exception.
            Exception Info: System.NullReferenceException
               at Contoso.Travel.Services.FxRateCache+<RefreshAsync>d__9.MoveNext()
               at System.Runtime.CompilerServices.AsyncMethodBuilderCore+<>c.<ThrowAsync>b__6_1(System.Object)
               at System.Threading.QueueUserWorkItemCallback.WaitCallback_Context(System.Object)
               at System.Threading.ThreadPoolWorkQueue.Dispatch()
            """;

    @Test
    void anAsyncVoidMethodOnTheThreadPoolIsNamedAsItsMethod() {
        DotNetRuntimeCrash c = EventAggregator.runtime(ASYNC_VOID);
        assertThat(c.exceptionType()).isEqualTo("System.NullReferenceException");
        assertThat(c.crashingFrame()).isEqualTo("Contoso.Travel.Services.FxRateCache.RefreshAsync");
        assertThat(c.threadKind()).isEqualTo("async void method");
    }

    @Test
    void aTimerCallbackAndAThreadOfItsOwn() {
        DotNetRuntimeCrash timer = EventAggregator.runtime("""
                Exception Info: System.InvalidOperationException
                   at Billing.Jobs.Sweeper.Tick(System.Object)
                   at System.Threading.TimerQueueTimer.CallCallback(Boolean)
                """);
        assertThat(timer.crashingFrame()).isEqualTo("Billing.Jobs.Sweeper.Tick");
        assertThat(timer.threadKind()).isEqualTo("timer callback");
        DotNetRuntimeCrash thread = EventAggregator.runtime("""
                Exception Info: System.IO.IOException
                   at Billing.Export.Writer.Run()
                   at System.Threading.ThreadHelper.ThreadStart()
                """);
        assertThat(thread.threadKind()).isEqualTo("thread");
    }

    @Test
    void aRequestOnTheStackOrNoApplicationFrameLeavesThemEmpty() {
        DotNetRuntimeCrash request = EventAggregator.runtime("""
                Exception Info: System.StackOverflowException
                   at Shop.Catalog.Breadcrumbs.Build(Shop.Category)
                   at System.Web.HttpApplication+CallHandlerExecutionStep.System.Web.HttpApplication.IExecutionStep.Execute()
                   at System.Threading.ThreadPoolWorkQueue.Dispatch()
                """);
        assertThat(request.crashingFrame()).isEqualTo("Shop.Catalog.Breadcrumbs.Build");
        assertThat(request.threadKind()).isEmpty();
        DotNetRuntimeCrash framework = EventAggregator.runtime("""
                Exception Info: System.OutOfMemoryException
                   at System.Text.StringBuilder.ToString()
                """);
        assertThat(framework.crashingFrame()).isEmpty();
        assertThat(EventAggregator.runtime("Exception Info: System.Exception").threadKind()).isEmpty();
    }
}
