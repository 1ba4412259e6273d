namespace Cadence.Import.Tests.Calendar;

public sealed class VideoLinksTests
{
    [Theory]
    [InlineData("Join: https://us02web.zoom.us/j/8765?pwd=x", "Zoom")]
    [InlineData("https://teams.microsoft.com/l/meetup-join/19%3a", "Teams")]
    [InlineData("https://teams.live.com/meet/123", "Teams")]
    [InlineData("Google Meet: https://meet.google.com/abc-defg-hij", "Google Meet")]
    [InlineData("https://acme.webex.com/meet/zoe", "Webex")]
    [InlineData("https://whereby.com/zoe", "Whereby")]
    [InlineData("https://meet.goto.com/123456789", "GoTo Meeting")]
    [InlineData("https://join.skype.com/abc", "Skype")]
    [InlineData("https://meet.jit.si/CadenceStandup", "Jitsi")]
    [InlineData("https://chime.aws/1234567890", "Chime")]
    public void Service_NamesTheService(string text, string service) => Assert.Equal(service, VideoLinks.Service(null, "Room 4", text));

    [Theory]
    [InlineData("Monmouth Coffee, Borough")]
    [InlineData("https://example.com/zoom.us")]
    [InlineData("zoom.us without a scheme")]
    [InlineData("")]
    public void Service_NoVideoLink_None(string text) => Assert.Null(VideoLinks.Service(text));
}
