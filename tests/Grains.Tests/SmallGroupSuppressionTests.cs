using PlugInnan.Grains.Rules;

namespace PlugInnan.Grains.Tests;

public sealed class SmallGroupSuppressionTests
{
    [Fact]
    public void Groups_of_five_or_more_are_shown_as_they_are()
    {
        var table = SmallGroupSuppression.Apply(new Dictionary<string, int> { ["none"] = 40, ["watch"] = 6, ["high"] = 5 });

        Assert.Equal(new Dictionary<string, int?> { ["none"] = 40, ["watch"] = 6, ["high"] = 5 }, table.Cells);
        Assert.Equal(51, table.Total);
    }

    [Fact]
    public void A_single_small_group_is_hidden_together_with_the_next_smallest_so_the_total_gives_nothing_away()
    {
        var table = SmallGroupSuppression.Apply(new Dictionary<string, int> { ["none"] = 40, ["watch"] = 9, ["high"] = 3 });

        Assert.Null(table.Cells["high"]);
        Assert.Null(table.Cells["watch"]);
        Assert.Equal(40, table.Cells["none"]);
        Assert.Equal(52, table.Total);
    }

    [Fact]
    public void Two_small_groups_protect_each_other()
    {
        var table = SmallGroupSuppression.Apply(new Dictionary<string, int> { ["none"] = 40, ["watch"] = 2, ["high"] = 1 });

        Assert.Equal(new Dictionary<string, int?> { ["none"] = 40, ["watch"] = null, ["high"] = null }, table.Cells);
    }

    [Fact]
    public void A_total_under_five_hides_everything()
    {
        var table = SmallGroupSuppression.Apply(new Dictionary<string, int> { ["none"] = 3, ["high"] = 1 });

        Assert.All(table.Cells.Values, v => Assert.Null(v));
        Assert.Null(table.Total);
    }

    [Fact]
    public void Empty_groups_are_shown_since_they_point_at_nobody()
    {
        var table = SmallGroupSuppression.Apply(new Dictionary<string, int> { ["none"] = 12, ["watch"] = 0, ["high"] = 7 });

        Assert.Equal(0, table.Cells["watch"]);
    }

    [Fact]
    public void An_empty_group_is_no_cover_so_the_smallest_non_empty_one_is_hidden()
    {
        var table = SmallGroupSuppression.Apply(new Dictionary<string, int> { ["none"] = 6, ["watch"] = 0, ["elevated"] = 0, ["high"] = 2 });

        Assert.Equal(new Dictionary<string, int?> { ["none"] = null, ["watch"] = 0, ["elevated"] = 0, ["high"] = null }, table.Cells);
        Assert.Equal(8, table.Total);
    }
}
