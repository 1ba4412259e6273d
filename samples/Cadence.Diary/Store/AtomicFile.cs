using System;
using System.IO;
using System.Security.Cryptography;

namespace Cadence.Sample.Store;

/// <summary>
/// Replaces a file's content all at once: readers see the old bytes or the new ones, never a half-written file, even
/// if the process is killed or the disk fills mid-write. The bytes go to a temporary file in the same directory (so
/// the rename stays on one file system), are flushed to the disk, and the temporary file is then renamed over the
/// target, which is atomic on POSIX file systems and NTFS.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    /// <param name="path">The file to replace or create.</param>
    /// <param name="bytes">The new content.</param>
    /// <param name="ownerOnly">On Unix, create the file readable and writable by its owner only (it holds secrets).</param>
    public static void Write(string path, ReadOnlyMemory<byte> bytes, bool ownerOnly = false) =>
        Write(path, stream => stream.Write(bytes.Span), ownerOnly);

    /// <summary>Writes what <paramref name="write"/> writes to <paramref name="path"/> atomically.</summary>
    /// <param name="path">The file to replace or create.</param>
    /// <param name="write">Writes the new content; if it throws, the file is left as it was.</param>
    /// <param name="ownerOnly">On Unix, create the file readable and writable by its owner only (it holds secrets).</param>
    public static void Write(string path, Action<Stream> write, bool ownerOnly = false)
    {
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? throw new IOException($"{path} has no directory.");
        string temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.tmp");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = ownerOnly
                ? UnixFileMode.UserRead | UnixFileMode.UserWrite
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        }

        try
        {
            using (var stream = new FileStream(temp, options))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
