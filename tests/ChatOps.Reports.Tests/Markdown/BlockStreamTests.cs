using ChatOps.Reports.Markdown;

namespace ChatOps.Reports.Tests.Markdown;

public sealed class BlockStreamTests
{
    [Fact]
    public void Bytes_written_across_many_blocks_come_back_in_order_and_exactly_as_long_as_asked()
    {
        var random = new Random(7);
        var expected = new MemoryStream();
        using var blocks = new BlockStream();
        for (var written = 0; written < 3_500_000;)
        {
            var chunk = new byte[random.Next(1, 200_000)];
            random.NextBytes(chunk);
            blocks.Write(chunk);
            expected.Write(chunk);
            written += chunk.Length;
        }

        Assert.Equal(expected.Length, blocks.Length);
        Assert.Equal(expected.ToArray(), blocks.ToArray(blocks.Length));
        Assert.Equal(expected.ToArray()[..^1], blocks.ToArray(blocks.Length - 1));
    }
}
