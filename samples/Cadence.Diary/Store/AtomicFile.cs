using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Cadence.Sample.Store;

/// <summary>
/// Replaces a file's content all at once: readers see the old bytes or the new ones, never a half-written file, even
/// if the process is killed, the power fails or the disk fills mid-write. The bytes go to a temporary file next to
/// the real target (a symbolic link is followed, so the link stays a link), created owner-only when asked, given the
/// target's permissions, flushed to the disk, renamed over the target (atomic on POSIX file systems and NTFS), and the
/// directory is flushed too, so the rename itself survives a power cut.
/// </summary>
internal static partial class AtomicFile
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
        string target = RealPath(path);
        string directory = Path.GetDirectoryName(target) ?? throw new IOException($"{path} has no directory.");
        string temp = Path.Combine(directory, TemporaryPrefix(target) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)) + ".tmp");
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

            if (!OperatingSystem.IsWindows() && File.Exists(target))
            {
                // The file keeps the permissions its owner gave it.
                File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
            }

            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        FlushDirectory(directory);
    }

    /// <summary>The file a path names, through symbolic links: the one to lock and replace.</summary>
    public static string RealPath(string path)
    {
        var file = new FileInfo(Path.GetFullPath(path));
        return file.LinkTarget is not null && file.ResolveLinkTarget(returnFinalTarget: true) is { } target
            ? Path.GetFullPath(target.FullName)
            : file.FullName;
    }

    /// <summary>
    /// Removes the temporary files an interrupted write left next to <paramref name="path"/> (a process killed between
    /// creating and renaming one). Call it only while holding the file's lock, so no write is under way.
    /// </summary>
    /// <returns>How many were removed.</returns>
    public static int RemoveLeftovers(string path)
    {
        string target = RealPath(path);
        string directory = Path.GetDirectoryName(target)!;
        string prefix = TemporaryPrefix(target);
        int removed = 0;
        foreach (string leftover in Directory.EnumerateFiles(directory, prefix + "*.tmp")
            .Where(f => Path.GetFileName(f).Length == prefix.Length + 12 + 4))
        {
            if (TryDelete(leftover))
            {
                removed++;
            }
        }

        return removed;
    }

    private static string TemporaryPrefix(string target) => $".{Path.GetFileName(target)}.";

    /// <summary>fsync on the directory, so the rename is on the disk; a no-op where the platform cannot.</summary>
    private static void FlushDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // NTFS journals the rename; there is no directory handle to flush.
        }

        int fd = Open(directory, 0 /* O_RDONLY */);
        if (fd >= 0)
        {
            _ = Fsync(fd);
            _ = Close(fd);
        }
    }

    /// <summary>
    /// How many names (hard links) the file has, on Linux; 1 where the platform cannot tell. Replacing a file with
    /// several names would give this name new content and leave the others with the old.
    /// </summary>
    public static int LinkCount(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return 1;
        }

        // statx has one layout on every Linux architecture: stx_nlink is the 32-bit field at offset 16.
        Span<byte> buffer = stackalloc byte[256];
        const int AtFdCwd = -100;
        const uint StatxNlink = 0x4;
        try
        {
            return Statx(AtFdCwd, path, 0, StatxNlink, ref MemoryMarshal.GetReference(buffer)) == 0
                ? (int)BitConverter.ToUInt32(buffer[16..20])
                : 1;
        }
        catch (EntryPointNotFoundException)
        {
            return 1; // a libc before statx (glibc 2.28)
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, ref byte buffer);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
