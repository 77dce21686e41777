using System;
using System.Threading;
using System.Threading.Tasks;
using OciBackup.Engine.Bulk;
using Xunit;

namespace OciBackup.Tests.Bulk
{
    public sealed class SharedReadsTests
    {
        [Fact]
        public async Task Callers_of_one_key_share_one_read_and_a_failed_read_is_made_again()
        {
            var reads = new SharedReads<int>();
            var made = 0;
            var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

            var first = reads.GetAsync("a", () => { Interlocked.Increment(ref made); return gate.Task; });
            var second = reads.GetAsync("a", () => { Interlocked.Increment(ref made); return Task.FromResult(-1); });
            gate.SetException(new InvalidOperationException("list failed"));
            await Assert.ThrowsAsync<InvalidOperationException>(() => first);
            await Assert.ThrowsAsync<InvalidOperationException>(() => second);
            var third = await reads.GetAsync("a", () => { Interlocked.Increment(ref made); return Task.FromResult(3); });
            var fourth = await reads.GetAsync("a", () => { Interlocked.Increment(ref made); return Task.FromResult(4); });
            var other = await reads.GetAsync("b", () => Task.FromResult(5));

            Assert.Equal((3, 3, 5), (third, fourth, other));
            Assert.Equal(2, made);
        }
    }
}
