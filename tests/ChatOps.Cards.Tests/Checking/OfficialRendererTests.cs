namespace ChatOps.Cards.Tests.Checking;

public sealed class OfficialRendererTests
{
    [Fact]
    public void A_card_with_an_unknown_element_type_fails_the_card_check_through_the_renderer()
    {
        var failure = Assert.ThrowsAny<Exception>(() => CardAssert.Valid(BrokenCards.UnknownElement));

        Assert.Contains("card 0, renderer: UnknownElementType", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Input.Signature", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_input_ids_fail_the_card_check_through_the_renderer()
    {
        var failure = Assert.ThrowsAny<Exception>(() => CardAssert.Valid(BrokenCards.DuplicateInputIds));

        Assert.Contains("card 0, renderer: DuplicateId", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_renderer_lets_through_what_only_our_rules_catch_and_the_card_check_still_fails_each()
    {
        var cases = BrokenCards.ByRule.ToList();

        var problems = CardAssert.Problems([.. cases.Select(c => c.Value.Card)]);

        for (var i = 0; i < cases.Count; i++)
        {
            var (rule, broken) = cases[i];
            var mine = problems.Where(p => p.StartsWith($"card {i}, ", StringComparison.Ordinal)).ToList();
            Assert.True(mine.Any(p => p.StartsWith($"card {i}, rules: {broken.Path}: ", StringComparison.Ordinal)), $"{rule}: {string.Join("; ", mine)}");
            Assert.True(broken.RendererCatches == mine.Any(p => p.Contains(", renderer: ", StringComparison.Ordinal)), $"{rule}: {string.Join("; ", mine)}");
        }
    }
}
