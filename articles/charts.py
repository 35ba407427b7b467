"""A bar chart of stories and statements per month, laid out for an inline SVG.

Plain Python, no Django: the template only copies these numbers into SVG attributes.
"""

from dataclasses import dataclass, field
from datetime import date

MONTH_LIMIT = 36  # three years of bars still read on a phone; older months are left out
PLOT_HEIGHT = 100  # the tallest bar, in SVG units
SLOT = 20  # width given to each month: two bars of 7 and a gap
BAR = 7


@dataclass
class Bar:
    month: date
    stories: int
    statements: int
    x: int
    stories_height: float
    statements_height: float
    label: bool  # whether the month is written under the axis

    @property
    def statements_x(self):
        return self.x + BAR

    @property
    def stories_y(self):
        return PLOT_HEIGHT - self.stories_height

    @property
    def statements_y(self):
        return PLOT_HEIGHT - self.statements_height

    @property
    def label_x(self):
        return self.x + BAR


@dataclass
class Chart:
    bars: list = field(default_factory=list)
    tallest: int = 0
    plot_height: int = PLOT_HEIGHT

    @property
    def width(self):
        return len(self.bars) * SLOT

    @property
    def frame_width(self):
        """At least a year wide, so a few busy months don't become giant bars."""
        return max(self.width, 12 * SLOT)

    @property
    def first(self):
        return self.bars[0].month

    @property
    def last(self):
        return self.bars[-1].month


def months_between(first, last):
    month = date(first.year, first.month, 1)
    while month <= last:
        yield month
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)


def monthly_chart(stories, statements):
    """A chart of the months from the first with anything to the last (at most MONTH_LIMIT),
    from two {first day of month: count} mappings; empty months get empty bars."""
    counted = sorted(set(stories) | set(statements))
    if not counted:
        return Chart()
    months = list(months_between(counted[0], counted[-1]))[-MONTH_LIMIT:]
    tallest = max([*stories.values(), *statements.values()])
    # A label ("May 23") is about two slots wide: label every other month at least.
    every = 2 if len(months) <= 12 else 3 if len(months) <= 18 else 6

    def height(count):
        return round(PLOT_HEIGHT * count / tallest, 1)

    return Chart(
        bars=[
            Bar(
                month=month,
                stories=stories.get(month, 0),
                statements=statements.get(month, 0),
                x=index * SLOT,
                stories_height=height(stories.get(month, 0)),
                statements_height=height(statements.get(month, 0)),
                label=index % every == 0,
            )
            for index, month in enumerate(months)
        ],
        tallest=tallest,
    )
