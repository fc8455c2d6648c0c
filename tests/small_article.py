"""A small Arabic article for tests/ask: one writer's life, a fact a line, then filler lines, as
an article has, so that a passage can stand out from the rest."""

from __future__ import annotations

from tutor.bank.model import Article

ARTICLE = Article(
    id="life",
    text=(
        "وُلد الكاتب في مدينة قازان عام 1950.\n"
        "ثم انتقل إلى موسكو حيث درس الهندسة.\n"
        "وعمل بعد ذلك في مصنع للسيارات.\n"
        "وكتب روايته الأولى عن نهر الفولغا.\n"
        "وترجمت أعماله إلى لغات كثيرة.\n"
        "وفاز بجائزة أدبية كبرى في باريس.\n"
        "وسافر إلى الصين واليابان في رحلة طويلة.\n"
        "وكان يحب الموسيقى والرسم.\n"
        "ودرّس الأدب في جامعة صغيرة.\n"
        "وتزوج من طبيبة وأنجب ثلاثة أبناء.\n"
        "وأسس مجلة ثقافية شهرية.\n"
        "وعاش سنواته الأخيرة في قرية على البحر.\n"
        "وتوفي في الشتاء بعد مرض قصير.\n"
        "وأقيم له تمثال في الساحة الكبرى.\n"
        # more lines, as an article has, so that a passage can stand out from the rest
        + "".join(f"وذكرت الصحيفة في العدد {n} خبرا آخر.\n" for n in range(40))
    ),
)
