using System;

namespace Cadence.Import.Tests;

public sealed class ImportReportTests
{
    [Fact]
    public void Counts_ByAction_AndSaysThemInOrder()
    {
        var report = new ImportReport(
        [
            new ImportLine(ImportAction.Added, "line 2", "zoe", "added"),
            new ImportLine(ImportAction.Skipped, "line 3", null, "no name or e-mail address"),
            new ImportLine(ImportAction.Added, "line 4", "sam", "added"),
        ]);

        Assert.Equal(2, report.Count(ImportAction.Added));
        Assert.Single(report.Skipped);
        Assert.Equal("2 Added, 1 Skipped", report.ToString());
        Assert.Equal("Skipped: line 3: no name or e-mail address", report.Lines[1].ToString());
    }

    [Fact]
    public void NullLine_Refused() => Assert.Throws<ArgumentException>(() => new ImportReport([null!]));
}
