namespace ChatOps.Reports.Markdown;

/// <summary>
/// A write-only stream kept in blocks (64 KB, doubling up to 1 MB): growing never copies what was written, and the bytes are
/// copied once, into an array of the exact size. A MemoryStream would hold up to twice the text while growing, then copy it.
/// </summary>
internal sealed class BlockStream : Stream
{
    private const int FirstBlock = 64 * 1024;
    private const int LargestBlock = 1024 * 1024;
    private readonly List<byte[]> _blocks = [];
    private int _used;
    private long _length;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            if (_blocks.Count == 0 || _used == _blocks[^1].Length)
            {
                _blocks.Add(new byte[Math.Min(LargestBlock, FirstBlock << Math.Min(_blocks.Count, 4))]);
                _used = 0;
            }
            var count = Math.Min(buffer.Length, _blocks[^1].Length - _used);
            buffer[..count].CopyTo(_blocks[^1].AsSpan(_used));
            _used += count;
            _length += count;
            buffer = buffer[count..];
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <summary>The first <paramref name="length"/> bytes written.</summary>
    public byte[] ToArray(long length)
    {
        var result = new byte[length];
        var copied = 0;
        foreach (var block in _blocks)
        {
            var count = (int)Math.Min(block.Length, length - copied);
            block.AsSpan(0, count).CopyTo(result.AsSpan(copied));
            copied += count;
            if (copied == length)
                break;
        }
        return result;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
