from tutor.engine.options import option_order


def test_same_seed_same_order_and_every_option_once():
    a = option_order("q-1", 4, 7)
    assert a == option_order("q-1", 4, 7)
    assert sorted(a) == [0, 1, 2, 3]


def test_keys_do_not_stay_first():
    firsts = [option_order(f"q-{i}", 4, "round")[0] for i in range(200)]
    assert max(firsts.count(k) for k in range(4)) < 80  # chance is 50 a position
