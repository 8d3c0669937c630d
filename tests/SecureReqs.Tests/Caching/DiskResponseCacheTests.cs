using System.Text;
using Microsoft.Extensions.AI;

namespace SecureReqs.Tests;

// The cache holds real answers: readable by the owner only, and sealed with AES-256-GCM when a key is given. An entry
// that does not open in the cache's mode is a miss, never an answer. The key comes from a fake environment.
public sealed class DiskResponseCacheTests : IDisposable
{
    private const string Answer = "The escalation code is OSPREY-7Q4M; card 4111 1111 1111 1111.";
    private const string EntryKey = "0123456789abcdef0123456789abcdef";
    private const string OtherKey = "fedcba9876543210fedcba9876543210";
    private static readonly string KeyA = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string KeyB = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

    private readonly string _root = Directory.CreateTempSubdirectory("securereqs-disk-cache-").FullName;

    private string CacheDirectory => Path.Combine(_root, ".securereqs", "cache");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Set_OnUnix_CreatesFoldersForTheOwnerOnlyAndEntriesReadableByTheOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes do not apply on Windows.");
            return;
        }

        await Cache(null).SetAsync(EntryKey, Entry(), Ct);

        const UnixFileMode folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        File.GetUnixFileMode(Path.Combine(_root, ".securereqs")).Should().Be(folder);
        File.GetUnixFileMode(CacheDirectory).Should().Be(folder);
        File.GetUnixFileMode(Path.Combine(CacheDirectory, "01")).Should().Be(folder);
        File.GetUnixFileMode(EntryPath(EntryKey)).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task Set_OnUnix_NarrowsASubfolderAnEarlierVersionLeftOpen()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes do not apply on Windows.");
            return;
        }

        var shard = Path.Combine(CacheDirectory, "01");
        Directory.CreateDirectory(shard);
        File.SetUnixFileMode(shard, (UnixFileMode)Convert.ToInt32("755", 8));

        await Cache(null).SetAsync(EntryKey, Entry(), Ct);

        File.GetUnixFileMode(shard).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public async Task Encrypted_EntryHoldsNoAnswerTextAndIsReadBackWithTheKey()
    {
        var cache = Cache(KeyA);

        await cache.SetAsync(EntryKey, Entry(), Ct);
        var stored = await File.ReadAllBytesAsync(EntryPath(EntryKey), Ct);
        var read = await Cache(KeyA).GetAsync(EntryKey, Ct);

        cache.IsEncrypted.Should().BeTrue();
        stored.AsSpan(0, 5).ToArray().Should().Equal("SRQC"u8.ToArray().Append((byte)1));
        Encoding.UTF8.GetString(stored).Should().NotContain("OSPREY").And.NotContain("4111").And.NotContain("securereqs.cache");
        Encoding.Latin1.GetString(stored).Should().NotContain("OSPREY");
        read!.Response.Text.Should().Be(Answer);
        read.Latency.Should().Be(TimeSpan.FromMilliseconds(250));
        read.Response.Usage!.TotalTokenCount.Should().Be(30);
    }

    [Fact]
    public async Task Encrypted_SameAnswerTwice_IsSealedWithAFreshNonce()
    {
        var cache = Cache(KeyA);

        await cache.SetAsync(EntryKey, Entry(), Ct);
        var first = await File.ReadAllBytesAsync(EntryPath(EntryKey), Ct);
        await cache.SetAsync(EntryKey, Entry(), Ct);
        var second = await File.ReadAllBytesAsync(EntryPath(EntryKey), Ct);

        second.AsSpan(5, 12).ToArray().Should().NotEqual(first.AsSpan(5, 12).ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(40)]
    [InlineData(-1)]
    public async Task Encrypted_TamperedEntry_IsAMissAndIsOverwritten(int offset)
    {
        var cache = Cache(KeyA);
        await cache.SetAsync(EntryKey, Entry(), Ct);
        var stored = await File.ReadAllBytesAsync(EntryPath(EntryKey), Ct);
        stored[offset < 0 ? stored.Length - 1 : offset] ^= 0x01;
        await File.WriteAllBytesAsync(EntryPath(EntryKey), stored, Ct);

        var tampered = await cache.GetAsync(EntryKey, Ct);
        await cache.SetAsync(EntryKey, Entry("Rewritten."), Ct);

        tampered.Should().BeNull();
        (await cache.GetAsync(EntryKey, Ct))!.Response.Text.Should().Be("Rewritten.");
    }

    [Fact]
    public async Task Encrypted_CutShortEntry_IsAMiss()
    {
        await Cache(KeyA).SetAsync(EntryKey, Entry(), Ct);
        var stored = await File.ReadAllBytesAsync(EntryPath(EntryKey), Ct);
        await File.WriteAllBytesAsync(EntryPath(EntryKey), stored[..20], Ct);

        (await Cache(KeyA).GetAsync(EntryKey, Ct)).Should().BeNull();
    }

    [Fact]
    public async Task Encrypted_WrongKey_IsAMiss()
    {
        await Cache(KeyA).SetAsync(EntryKey, Entry(), Ct);

        (await Cache(KeyB).GetAsync(EntryKey, Ct)).Should().BeNull();
    }

    [Fact]
    public async Task Encrypted_EntryMovedToAnotherKeysFile_IsAMiss()
    {
        var cache = Cache(KeyA);
        await cache.SetAsync(EntryKey, Entry(), Ct);
        await cache.SetAsync(OtherKey, Entry("Another answer."), Ct);

        File.Copy(EntryPath(EntryKey), EntryPath(OtherKey), overwrite: true);

        (await cache.GetAsync(OtherKey, Ct)).Should().BeNull("the entry's key is authenticated with it");
        (await cache.GetAsync(EntryKey, Ct))!.Response.Text.Should().Be(Answer);
    }

    [Fact]
    public async Task EncryptedEntry_ReadWithoutAKey_IsAMiss()
    {
        await Cache(KeyA).SetAsync(EntryKey, Entry(), Ct);

        (await Cache(null).GetAsync(EntryKey, Ct)).Should().BeNull();
    }

    [Fact]
    public async Task PlainEntry_ReadWithAKey_IsAMissAndIsOverwrittenEncrypted()
    {
        await Cache(null).SetAsync(EntryKey, Entry(), Ct);
        var cache = Cache(KeyA);

        var read = await cache.GetAsync(EntryKey, Ct);
        await cache.SetAsync(EntryKey, Entry("Sealed now."), Ct);

        read.Should().BeNull("a plain entry could have been planted by anyone who can write the folder");
        Encoding.UTF8.GetString(await File.ReadAllBytesAsync(EntryPath(EntryKey), Ct)).Should().NotContain("Sealed now.");
        (await cache.GetAsync(EntryKey, Ct))!.Response.Text.Should().Be("Sealed now.");
    }

    [Fact]
    public async Task NoKey_EntryIsPlainJsonAndReadBack()
    {
        var cache = Cache(null);

        await cache.SetAsync(EntryKey, Entry(), Ct);

        cache.IsEncrypted.Should().BeFalse();
        (await File.ReadAllTextAsync(EntryPath(EntryKey), Ct)).Should().StartWith("{").And.Contain("securereqs.cache/v1");
        (await cache.GetAsync(EntryKey, Ct))!.Response.Text.Should().Be(Answer);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void Key_OfAnotherLength_IsAClearErrorNamingTheVariableAndHowToMakeOne(int bytes)
    {
        var key = Convert.ToBase64String(new byte[bytes]);

        var act = () => Cache(key);

        act.Should().Throw<SecureReqsException>().Which.Message.Should()
            .Be($"SECUREREQS_CACHE_KEY holds {bytes} bytes, and the response cache's AES-256 key is 32 bytes. Set it to the base64 of 32 random bytes, made with `openssl rand -base64 32`, or unset it to keep the response cache unencrypted.");
    }

    [Fact]
    public void Key_NotBase64_IsAClearErrorThatNeverShowsTheValue()
    {
        var act = () => Cache("not-a-key!-s3cr3t-value");

        var message = act.Should().Throw<SecureReqsException>().Which.Message;
        message.Should().StartWith("SECUREREQS_CACHE_KEY is not base64").And.Contain("openssl rand -base64 32").And.NotContain("s3cr3t");
    }

    [Fact]
    public void Key_IsReadFromTheGivenEnvironmentUnderItsName()
    {
        var asked = new List<string>();

        var cache = new DiskResponseCache(CacheDirectory, name =>
        {
            asked.Add(name);
            return "";
        });

        asked.Should().Equal(DiskResponseCache.KeyVariable).And.Equal("SECUREREQS_CACHE_KEY");
        cache.IsEncrypted.Should().BeFalse("an empty variable is no key");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DiskResponseCache Cache(string? key) => new(CacheDirectory, name => name == DiskResponseCache.KeyVariable ? key : null);

    private string EntryPath(string key) => Path.Combine(CacheDirectory, key[..2], key + ".json");

    private static CachedResponse Entry(string text = Answer) => new(
        new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = 20, OutputTokenCount = 10, TotalTokenCount = 30 },
        },
        TimeSpan.FromMilliseconds(250));
}
