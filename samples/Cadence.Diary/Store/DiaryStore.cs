using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using Cadence.Sample.Cli;

namespace Cadence.Sample.Store;

/// <summary>
/// The data file on disk. Reads need no lock (writes are atomic renames, so a reader sees a whole file); a change is
/// read, applied and written under an exclusive lock on <c>FILE.lock</c>, so two processes (a <c>log</c> while
/// <c>serve</c> saves its feed state) never lose each other's changes.
/// </summary>
internal sealed class DiaryStore(string path)
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The path as the user gave it, for messages.</summary>
    public string Path { get; } = path;

    public string LockPath => Path + ".lock";

    public bool Exists => File.Exists(Path);

    /// <summary>Reads the data file.</summary>
    /// <exception cref="UserException">It is missing, unreadable, not JSON, not a diary, or of a newer format.</exception>
    public DiaryData Load() => Parse(ReadBytes());

    /// <summary>
    /// Reads, changes and writes the data file under the lock. <paramref name="change"/> returns the new data, or
    /// <see langword="null"/> to leave the file as it is; if it throws, nothing is written.
    /// </summary>
    public T Update<T>(Func<DiaryData, (DiaryData? Next, T Result)> change)
    {
        using var held = Lock();
        byte[] before = ReadBytes();
        var (next, result) = change(Parse(before));
        if (next is not null)
        {
            byte[] after = DiaryJson.Write(next);
            if (!after.AsSpan().SequenceEqual(before))
            {
                Save(after);
            }
        }

        return result;
    }

    /// <summary>Writes a new data file (for <c>init</c>), under the lock; fails if one exists.</summary>
    public void Create(DiaryData data)
    {
        using var held = Lock();
        if (File.Exists(Path))
        {
            throw new UserException($"{Path} already exists; remove it first or choose another file with --data.");
        }

        Save(DiaryJson.Write(data));
    }

    private void Save(byte[] bytes)
    {
        try
        {
            AtomicFile.Write(Path, bytes, ownerOnly: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserException($"Could not write {Path}: {Messages.OneLine(e)}");
        }
    }

    private byte[] ReadBytes()
    {
        try
        {
            return File.ReadAllBytes(Path);
        }
        catch (FileNotFoundException)
        {
            throw new UserException($"No data file at {Path}; run `Cadence.Diary init --data {Path}` to create one.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserException($"Could not read {Path}: {Messages.OneLine(e)}");
        }
    }

    private DiaryData Parse(byte[] bytes)
    {
        try
        {
            return DiaryJson.Read(bytes);
        }
        catch (DataFileException e)
        {
            throw new UserException($"The data file {Path} {e.Message}.");
        }
    }

    /// <summary>Takes the exclusive lock (an advisory lock on FILE.lock, released when the handle closes), waiting up to 10 s.</summary>
    private FileStream Lock()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (DirectoryNotFoundException)
            {
                throw new UserException($"Could not lock {Path}: its directory does not exist.");
            }
            catch (IOException) when (clock.Elapsed < LockTimeout)
            {
                Thread.Sleep(25);
            }
            catch (IOException)
            {
                throw new UserException($"{Path} is in use by another Cadence.Diary (it holds {LockPath}); try again.");
            }
            catch (UnauthorizedAccessException e)
            {
                throw new UserException($"Could not lock {Path}: {Messages.OneLine(e)}");
            }
        }
    }
}
