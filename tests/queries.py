def assert_flat(before, after):
    """Fail, showing both lists of SQL, when a page ran more queries after rows were added."""
    assert len(after) == len(before), (
        f"{len(before)} queries became {len(after)}:\n--- before\n"
        + "\n".join(before)
        + "\n--- after\n"
        + "\n".join(after)
    )
