using System;
using System.Linq;
using NodaTime;

namespace Cadence.Tests.Feed;

public class FeedOptionsTests
{
    private static readonly byte[] Key = new byte[16];

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void Constructor_BlankName_ThrowsNamingIt(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => new FeedOptions(name, Key));
        Assert.Equal("name", ex.ParamName);
        Assert.Contains("feed name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullName_Throws()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => new FeedOptions(null!, Key));
        Assert.Equal("name", ex.ParamName);
    }

    [Fact]
    public void Constructor_MissingUidKey_ThrowsSayingWhatIsNeeded()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => new FeedOptions("Cadence", null!));
        Assert.Equal("uidKey", ex.ParamName);
        Assert.Contains("16 random bytes", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(15)]
    public void Constructor_ShortUidKey_ThrowsNamingItsLength(int length)
    {
        var ex = Assert.Throws<ArgumentException>(() => new FeedOptions("Cadence", new byte[length]));
        Assert.Equal("uidKey", ex.ParamName);
        Assert.Contains($"{length} bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_KeyArrayChangedLater_OptionsKeepTheirCopy()
    {
        var key = new byte[16];
        var options = new FeedOptions("Cadence", key);
        key[0] = 42;

        Assert.Equal(0, options.UidKey[0]);
        options.UidKey[1] = 9;
        Assert.Equal(0, options.UidKey[1]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3661)]
    public void WithHorizonDays_OutOfRange_ThrowsNamingTheValue(int days)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new FeedOptions("Cadence", Key).WithHorizonDays(days));
        Assert.Equal("days", ex.ParamName);
        Assert.Contains($"got {days}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithRefreshInterval_TooShortOrTooLong_Throws()
    {
        var options = new FeedOptions("Cadence", Key);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.WithRefreshInterval(Duration.FromSeconds(30)));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.WithRefreshInterval(Duration.FromDays(8)));
        Assert.Equal(Duration.FromHours(1), options.WithRefreshInterval(Duration.FromHours(1)).RefreshInterval);
    }

    [Fact]
    public void WithAlarmAndTimedDuration_OutOfRange_Throw()
    {
        var options = new FeedOptions("Cadence", Key);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.WithAlarm(Duration.FromDays(8)));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.WithAlarm(-Duration.FromDays(8)));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.WithTimedDuration(Duration.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.WithTimedDuration(Duration.FromDays(2)));
        Assert.Null(options.WithAlarm(Duration.FromHours(9)).WithAlarm(null).Alarm);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-//Ünïcode//EN")]
    [InlineData("-//X//EN\r\nMETHOD:REQUEST")]
    public void WithProductId_NotPrintableAscii_Throws(string productId)
    {
        Assert.ThrowsAny<ArgumentException>(() => new FeedOptions("Cadence", Key).WithProductId(productId));
    }

    [Fact]
    public void WithPrivacyAndLayout_UndefinedValue_Throws()
    {
        var options = new FeedOptions("Cadence", Key);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.WithPrivacy((FeedPrivacy)42));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.WithLayout((FeedLayout)42));
    }

    [Fact]
    public void With_Methods_LeaveTheOriginalUnchanged()
    {
        var options = new FeedOptions("Cadence", Key);
        var changed = options.WithName("Other").WithHorizonDays(30).WithPrivacy(FeedPrivacy.Initials).WithLayout(FeedLayout.Tasks).WithDescription("d");

        Assert.Equal(("Cadence", 365, FeedPrivacy.FullNames, FeedLayout.Events, (string?)null), (options.Name, options.HorizonDays, options.Privacy, options.Layout, options.Description));
        Assert.Equal(("Other", 30, FeedPrivacy.Initials, FeedLayout.Tasks, "d"), (changed.Name, changed.HorizonDays, changed.Privacy, changed.Layout, changed.Description));
        Assert.NotEqual(options, changed);
        Assert.Equal(options, new FeedOptions("Cadence", new byte[16]));
    }

    [Fact]
    public void FeedState_FromEntries_RejectsDuplicatesAndNegativeSequences()
    {
        var now = Instant.FromUtc(2026, 1, 1, 0, 0);
        Assert.Throws<ArgumentException>(() => FeedState.FromEntries([new FeedEntry("a", 1, 0, now), new FeedEntry("a", 2, 0, now)], now));
        Assert.Throws<ArgumentException>(() => FeedState.FromEntries([new FeedEntry("a", 1, -1, now)], now));
        var state = FeedState.FromEntries([new FeedEntry("b", 1, 2, now), new FeedEntry("a", 3, 0, now)], now);
        Assert.Equal(["a", "b"], state.Entries.Select(e => e.Uid));
        Assert.Equal(now, state.LastModified);
    }
}
