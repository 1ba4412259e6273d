using System;
using System.Text.RegularExpressions;

namespace Cadence.Import;

/// <summary>Which video service an event's link is for: the rule that makes an online meeting a call.</summary>
internal static partial class VideoLinks
{
    /// <summary>The service named by the first video link in any of the texts, or <see langword="null"/>.</summary>
    internal static string? Service(params string?[] texts)
    {
        foreach (string? text in texts)
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            var match = Link().Match(text);
            if (match.Success)
            {
                string host = match.Groups["host"].Value.ToLowerInvariant();
                return host switch
                {
                    _ when host.EndsWith("zoom.us", StringComparison.Ordinal) || host.EndsWith("zoomgov.com", StringComparison.Ordinal) => "Zoom",
                    _ when host.StartsWith("teams.", StringComparison.Ordinal) => "Teams",
                    "meet.google.com" => "Google Meet",
                    _ when host.EndsWith("webex.com", StringComparison.Ordinal) => "Webex",
                    _ when host.EndsWith("whereby.com", StringComparison.Ordinal) => "Whereby",
                    _ when host.Contains("goto", StringComparison.Ordinal) => "GoTo Meeting",
                    _ when host.EndsWith("skype.com", StringComparison.Ordinal) => "Skype",
                    "meet.jit.si" => "Jitsi",
                    _ => "Chime",
                };
            }
        }

        return null;
    }

    [GeneratedRegex(@"https?://(?<host>([a-z0-9-]+\.)*(zoom\.us|zoomgov\.com|teams\.microsoft\.com|teams\.live\.com|meet\.google\.com|webex\.com|whereby\.com|gotomeeting\.com|gotomeet\.me|meet\.goto\.com|skype\.com|meet\.jit\.si|chime\.aws))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
