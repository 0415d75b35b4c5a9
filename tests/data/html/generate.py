"""Writes the HTML test pages of this folder from articles.json (our own text).

Each page renders one article in the markup of a kind of Arabic news site
(WordPress themes, Drupal, custom CMSs, AMP, Blogger, a legacy windows-1256
page) with the boilerplate such sites carry; the expected JSON beside it holds
what extraction must return. Run: python tests/data/html/generate.py
"""

from __future__ import annotations

import html
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
AR_MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
             "نوفمبر", "ديسمبر"]
LEV_MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
              "تشرين الأول", "تشرين الثاني", "كانون الأول"]
RELATED = ["ارتفاع أسعار الخضار في الأسواق المحلية", "انطلاق مهرجان الكتاب بمشاركة مئة دار نشر",
           "تعديلات جديدة على قانون السير", "افتتاح معرض للصناعات اليدوية"]
SUBHEADS = {"المرحلة الثانية", "ردود فعل الركاب", "نصائح للمزارعين", "تحديات التوسع", "مخاوف من الكلفة"}


def e(text: str) -> str:
    return html.escape(text, quote=True)


def ar_date(iso: str, months=AR_MONTHS) -> str:
    y, m, d = iso.split("-")
    return f"{int(d)} {months[int(m) - 1]} {y}"


def body_html(art, para="<p>{}</p>", sub="<h2>{}</h2>", inject=None) -> str:
    out = []
    for i, p in enumerate(art["paragraphs"]):
        out.append((sub if p in SUBHEADS else para).format(e(p)))
        if inject and i == 1:
            out.append(inject)
    return "\n".join(out)


def related_ul(cls="related-posts") -> str:
    items = "".join(f'<li><a href="/news/{i}">{e(t)}</a></li>' for i, t in enumerate(RELATED))
    return f'<div class="{cls}"><h3>مقالات ذات صلة</h3><ul>{items}</ul></div>'


def wp_jannah(art, site="صوت المدينة", domain="sawtalmadina.net"):
    y, m, d = art["date"].split("-")
    return f"""<!DOCTYPE html>
<html dir="rtl" lang="ar">
<head><meta charset="UTF-8"><title>{e(art['title'])} - {site}</title>
<meta property="og:title" content="{e(art['title'])}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{art['date']}T09:30:00+03:00">
<link rel="canonical" href="https://{domain}/{y}/{m}/{d}/{art['slug']}/">
<link rel='stylesheet' href='/wp-content/themes/jannah/style.css'></head>
<body class="post-template-default single single-post">
<div id="tie-wrapper"><header id="theme-header"><nav id="main-nav"><ul class="menu">
<li><a href="/">الرئيسية</a></li><li><a href="/local">محليات</a></li><li><a href="/economy">اقتصاد</a></li><li><a href="/sport">رياضة</a></li></ul></nav></header>
<div id="breadcrumb"><a href="/">الرئيسية</a> / <a href="/local">محليات</a> / {e(art['title'])}</div>
<article id="the-post" class="container-wrapper post-content">
<header class="entry-header-outer"><div class="entry-header">
<span class="post-cat-wrap"><a class="post-cat" href="/local">محليات</a></span>
<h1 class="post-title entry-title">{e(art['title'])}</h1>
<div class="post-meta"><span class="meta-author"><a href="/author/x" class="author-name">{e(art['author'])}</a></span>
<span class="date meta-item">{ar_date(art['date'])}</span><span class="meta-views">1,204 مشاهدة</span></div></div></header>
<div class="share-buttons"><a class="facebook-share-btn">فيسبوك</a><a class="twitter-share-btn">تويتر</a><a>واتساب</a></div>
<div class="entry-content entry clearfix">
{body_html(art, inject='<div class="stream-item stream-item-in-post"><span>إعلان</span></div>')}
</div>
<div class="post-bottom-meta post-bottom-tags"><span class="tagcloud"><a href="/tag/1">{e(art['title'].split()[0])}</a><a href="/tag/2">أخبار</a></span></div>
</article>
{related_ul('related-posts-list')}
<div id="comments" class="comments-area"><div id="respond"><h3>اترك تعليقاً</h3>
<p>لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *</p><form><textarea></textarea><input type="submit" value="إرسال التعليق"></form></div></div>
<aside class="sidebar"><div class="widget"><h4>الأكثر قراءة</h4><ul><li><a>{e(RELATED[0])}</a></li><li><a>{e(RELATED[1])}</a></li></ul></div></aside>
<footer id="footer"><p>جميع الحقوق محفوظة © {site} 2024</p></footer>
<a id="go-to-top" class="go-to-top-button" href="#go-to-tie-body">زر الذهاب إلى الأعلى</a></div></body></html>
"""


def wp_newspaper(art, site="الخبر اليومي", domain="alkhabar-daily.com"):
    y, m, d = art["date"].split("-")
    inline_read = f'<p><strong>اقرأ أيضا:</strong> <a href="/x">{e(RELATED[2])}</a></p>'
    return f"""<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{e(art['title'])} | {site}</title>
<meta name="author" content="{e(art['author'])}">
<meta property="og:site_name" content="{site}">
<link rel="canonical" href="https://www.{domain}/news/{art['slug']}-{y}{m}{d}">
</head><body>
<div class="td-header-wrap"><div class="td-header-menu-wrap"><ul><li>الرئيسية</li><li>أخبار</li><li>اقتصاد</li><li>منوعات</li></ul></div></div>
<div class="td-container"><div class="td-pb-row"><div class="td-pb-span8 td-main-content">
<div class="td-post-header"><ul class="td-category"><li><a class="td-post-category">أخبار</a></li></ul>
<header class="td-post-title"><h1 class="entry-title">{e(art['title'])}</h1>
<div class="td-module-meta-info"><div class="td-post-author-name"><div class="td-author-by">بواسطة</div> <a href="/author/a">{e(art['author'])}</a></div>
<span class="td-post-date"><time class="entry-date updated td-module-date" datetime="{art['date']}T12:00:00+00:00">{ar_date(art['date'])}</time></span>
<div class="td-post-views"><span>532</span></div></div></header></div>
<div class="td-post-sharing td-post-sharing-top"><a class="td-social-sharing-button">Facebook</a><a class="td-social-sharing-button">Twitter</a><a class="td-social-sharing-button">WhatsApp</a></div>
<div class="td-post-content tagdiv-type">
<div class="td-post-featured-image"><img src="/wp-content/uploads/{y}/{m}/photo.jpg" alt=""></div>
{body_html(art, inject=inline_read)}
</div>
<div class="td-post-source-tags"><ul class="td-tags td-post-small-box"><li><span>الوسوم</span></li><li><a>أخبار محلية</a></li></ul></div>
<div class="td_block_wrap td_block_related_posts"><h4 class="td-related-title">مقالات ذات صلة</h4>
<div class="td-related-row"><h3 class="entry-title td-module-title"><a>{e(RELATED[0])}</a></h3><h3 class="entry-title td-module-title"><a>{e(RELATED[3])}</a></h3></div></div>
</div></div></div>
<div class="td-footer-wrapper"><p>© {site} - جميع الحقوق محفوظة</p></div>
</body></html>
"""


def wp_gutenberg_caption(art, site="نبض الشارع", domain="nabdalshare.org"):
    y, m, d = art["date"].split("-")
    figure = (f'<figure class="wp-block-image size-large"><img src="https://{domain}/wp-content/uploads/{y}/{m}/a.jpg">'
              f'<figcaption class="wp-element-caption">صورة من موقع الحدث (أرشيف)</figcaption></figure>')
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": site, "url": f"https://{domain}/"},
        {"@type": "NewsArticle", "headline": art["title"], "datePublished": f"{art['date']}T08:00:00+02:00",
         "author": {"@type": "Person", "name": art["author"]}, "publisher": {"@type": "Organization", "name": site}}]}
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="UTF-8">
<title>{e(art['title'])} &#8211; {site}</title>
<script type="application/ld+json" class="yoast-schema-graph">{json.dumps(ld, ensure_ascii=False)}</script>
</head><body class="single">
<div class="site"><header class="site-header"><p class="site-title"><a href="/">{site}</a></p>
<p class="site-description">صوتكم من قلب الحدث</p>
<nav class="main-navigation"><ul><li>سياسة</li><li>مجتمع</li><li>ثقافة</li></ul></nav></header>
<main id="main" class="site-main"><article class="post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">{e(art['title'])}</h1>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="{art['date']}T08:00:00+02:00">{ar_date(art['date'])}</time></span>
<span class="byline"> كتب <span class="author vcard"><a class="url fn n" href="/author/b">{e(art['author'])}</a></span></span></div></header>
<div class="entry-content">
{figure}
{body_html(art)}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">شارك هذا المقال:</h3><ul><li>Twitter</li><li>Facebook</li></ul></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>ذات صلة</em></h3></div>
</div>
<footer class="entry-footer"><span class="cat-links">نشرت في <a>مجتمع</a></span></footer>
</article>
<nav class="navigation post-navigation"><div class="nav-previous"><a>المقال السابق</a></div><div class="nav-next"><a>المقال التالي</a></div></nav>
</main></div>
<div class="cookie-notice-container"><span id="cn-notice-text">نستخدم ملفات تعريف الارتباط لضمان أفضل تجربة على موقعنا.</span><a>موافق</a></div>
</body></html>
"""


def drupal(art, site="بوابة الوطن", domain="bawabat-alwatan.net"):
    y, m, d = art["date"].split("-")
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl" prefix="content: http://purl.org/rss/1.0/modules/content/  schema: http://schema.org/">
<head><meta charset="utf-8" />
<meta name="Generator" content="Drupal 9 (https://www.drupal.org)" />
<title>{e(art['title'])} | {site}</title>
<meta property="og:site_name" content="{site}" />
<meta property="og:title" content="{e(art['title'])}" />
<meta property="article:published_time" content="{art['date']}T10:15:00+0300" />
<link rel="canonical" href="https://www.{domain}/ar/node/{sum(map(ord, art['slug'])) * 37}" />
</head>
<body class="path-node page-node-type-article">
<a href="#main-content" class="visually-hidden focusable skip-link">تجاوز إلى المحتوى الرئيسي</a>
<div class="dialog-off-canvas-main-canvas"><div class="layout-container">
<header role="banner"><div class="region region-header"><div class="site-branding"><a href="/ar">{site}</a></div></div>
<div class="region region-primary-menu"><nav><ul class="menu"><li>الرئيسية</li><li>أخبار</li><li>تقارير</li><li>رأي</li></ul></nav></div></header>
<div class="region region-breadcrumb"><nav class="breadcrumb"><ol><li><a>الرئيسية</a></li><li><a>أخبار</a></li></ol></nav></div>
<main role="main"><div class="layout-content"><div class="region region-content">
<article role="article" about="/ar/node/1" class="node node--type-article node--view-mode-full">
<h1 class="page-title"><span class="field field--name-title field--type-string">{e(art['title'])}</span></h1>
<div class="node__meta"><span class="field field--name-uid">{e(art['author'])}</span>
<span property="schema:dateCreated" content="{art['date']}T10:15:00+00:00" class="rdf-meta hidden"></span>
<span class="field field--name-created">{ar_date(art['date'], LEV_MONTHS)}</span></div>
<div class="node__content">
<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">
{body_html(art)}
</div>
<div class="field field--name-field-tags field--type-entity-reference field--label-above"><div class="field__label">الكلمات المفتاحية</div>
<div class="field__items"><div class="field__item"><a>محليات</a></div><div class="field__item"><a>خدمات</a></div></div></div>
<section class="field field--name-comment comment-wrapper"><h2 class="title comment-form__title">أضف تعليق</h2><form class="comment-form"><label>التعليق</label><textarea></textarea></form></section>
</div></article>
<div class="views-element-container block-views-blockrelated-content"><h2>أخبار ذات صلة</h2><div class="view-content">{''.join(f'<div class="views-row"><a>{e(t)}</a></div>' for t in RELATED)}</div></div>
</div></div></main>
<footer role="contentinfo"><div class="region region-footer">جميع الحقوق محفوظة لـ {site}</div></footer></div></div>
</body></html>
"""


def custom_wysiwyg(art, site="المرصد الإخباري", domain="almarsad-news.com"):
    y, m, d = art["date"].split("-")
    ld = {"@context": "http://schema.org", "@type": "NewsArticle", "headline": art["title"],
          "datePublished": f"{art['date']}T14:22:31Z", "dateModified": f"{art['date']}T16:02:00Z",
          "author": [{"@type": "Person", "name": art["author"], "url": f"https://{domain}/author/x"}],
          "publisher": {"@type": "Organization", "name": site}}
    tweet = ('<blockquote class="twitter-tweet"><p lang="ar" dir="rtl">تغريدة عن الخبر نفسه '
             '<a href="https://t.co/abc">pic.twitter.com/abc123XYZ</a></p>&mdash; حساب إخباري (@newsacct) '
             f'{["January","February","March","April","May","June","July","August","September","October","November","December"][int(m)-1]} {int(d)}, {y}</blockquote>')
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{e(art['title'])} | {site}</title>
<meta name="description" content="{e(art['paragraphs'][0][:120])}">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
</head><body>
<div id="root"><div class="container--header"><header class="header"><a class="site-logo">{site}</a>
<ul class="menu"><li>أخبار</li><li>سياسة</li><li>اقتصاد</li><li>رياضة</li><li>فيديو</li></ul></header></div>
<div class="container"><main id="main-content-area" class="article-main">
<header class="article-header"><div class="article-subheader"><a class="topics-sidebar-title">محليات</a></div>
<h1>{e(art['title'])}</h1>
<p class="article__subhead"><em>{e(art['paragraphs'][0][:60])}...</em></p></header>
<div class="article-info-block"><div class="article-author-name"><a class="author-link">{e(art['author'])}</a></div>
<div class="article-dates"><div class="date-simple"><span class="screen-reader-text">نشر في </span><span>{ar_date(art['date'])}</span></div></div></div>
<div class="article-featured-image"><figure><img src="/images/{art['slug']}.jpg"><figcaption><span>مشهد عام من المدينة (المرصد)</span></figcaption></figure></div>
<div class="wysiwyg wysiwyg--all-content">
{body_html(art, inject=tweet)}
</div>
<div class="more-on"><h2>المزيد من محليات</h2><ul><li><a>{e(RELATED[1])}</a></li><li><a>{e(RELATED[2])}</a></li></ul></div>
</main>
<aside class="sidebar"><section class="most-read"><h2>الأكثر قراءة</h2><ol><li>{e(RELATED[0])}</li><li>{e(RELATED[3])}</li></ol></section></aside>
</div><footer class="footer"><p>© 2024 {site}</p><ul><li>من نحن</li><li>اتصل بنا</li><li>سياسة الخصوصية</li></ul></footer></div></body></html>
"""


def custom_articlebody(art, site="الشرق اليوم", domain="alsharq-today.com"):
    y, m, d = art["date"].split("-")
    first, *rest = art["paragraphs"]
    paras = "\n".join(("<h3>{}</h3>" if p in SUBHEADS else "<p>{}</p>").format(e(p)) for p in rest)
    return f"""<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{site} - {e(art['title'])}</title>
<meta name="author" content="{e(art['author'])}">
<meta name="pubdate" content="{y}{m}{d}">
<meta property="article:published_time" content="{art['date']}">
</head><body>
<table width="100%"><tr><td class="topbar">{site} | <a>الصفحة الرئيسية</a> | <a>الأرشيف</a></td></tr></table>
<div id="wrapper"><div class="section-title">أخبار محلية</div>
<div class="article"><h1 class="headline">{e(art['title'])}</h1>
<div class="byline">{e(art['author'])} - {ar_date(art['date'])}</div>
<div class="font-tools"><a>تكبير الخط</a> <a>تصغير الخط</a> <a>طباعة</a> <a>أرسل لصديق</a></div>
<div id="articleBody" itemprop="articleBody">
<p>{e(first)}</p>
{paras}
</div></div>
<div class="related"><b>اقرأ أيضا</b><ul><li><a>{e(RELATED[0])}</a></li><li><a>{e(RELATED[1])}</a></li></ul></div>
<div class="comments"><b>التعليقات</b><p>لا توجد تعليقات</p></div>
</div><div class="footer">حقوق النشر محفوظة {site} 2024</div></body></html>
"""


def legacy_cp1256(art, site="جريدة الأمس", domain="jaridat-alams.com"):
    y, m, d = art["date"].split("-")
    paras = "<br><br>\n".join(e(p) for p in art["paragraphs"])
    return f"""<HTML dir=rtl><HEAD>
<META http-equiv=Content-Type content="text/html; charset=windows-1256">
<TITLE>{e(art['title'])}</TITLE>
<META name="author" content="{e(art['author'])}">
<META name="date" content="{art['date']}">
</HEAD><BODY bgColor=#ffffff>
<TABLE width=760 align=center><TR><TD class=menu><A href="/">الرئيسية</A> | <A href="/local">محليات</A> | <A href="/arab">عربي ودولي</A></TD></TR>
<TR><TD vAlign=top>
<FONT class=title size=5><B>{e(art['title'])}</B></FONT><BR>
<FONT class=date size=2>{y}/{m}/{d}</FONT>
<P class=text align=justify>{paras}</P>
<P><FONT size=2>{e(art['author'])}</FONT></P>
</TD></TR>
<TR><TD class=footer>جميع الحقوق محفوظة لجريدة الأمس</TD></TR></TABLE></BODY></HTML>
"""


def amp(art, site="خبر عاجل", domain="khabar-ajel.net"):
    y, m, d = art["date"].split("-")
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": art["title"],
          "datePublished": f"{art['date']}T05:40:00+03:00", "author": {"@type": "Person", "name": art["author"]},
          "publisher": {"@type": "Organization", "name": site}}
    return f"""<!doctype html><html ⚡ lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{e(art['title'])}</title><link rel="canonical" href="https://{domain}/{y}/{m}/{d}/{art['slug']}.html">
<meta name="viewport" content="width=device-width">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
<style amp-boilerplate>body{{visibility:hidden}}</style></head>
<body><header class="amp-header"><a href="/">{site}</a></header>
<amp-sidebar id="sidebar" layout="nodisplay"><ul><li>الرئيسية</li><li>سياسة</li><li>اقتصاد</li></ul></amp-sidebar>
<article class="amp-article"><h1 class="amp-title">{e(art['title'])}</h1>
<div class="amp-meta"><span class="amp-author">{e(art['author'])}</span> <time datetime="{art['date']}">{ar_date(art['date'])}</time></div>
<amp-img src="/img/{art['slug']}.jpg" width="600" height="400" layout="responsive"></amp-img>
<div class="amp-article-content">
{body_html(art)}
</div>
<amp-social-share type="facebook"></amp-social-share><amp-social-share type="twitter"></amp-social-share>
<div class="amp-related-posts"><span>اقرأ أيضا</span><ul><li><a>{e(RELATED[3])}</a></li><li><a>{e(RELATED[2])}</a></li></ul></div>
</article><footer class="amp-footer"><p>© {site}</p><a href="#top">العودة إلى الأعلى</a></footer></body></html>
"""


def blogger(art, site="مدونة أخبار الحي", domain="akhbar-alhay.blogspot.com"):
    y, m, d = art["date"].split("-")
    return f"""<!DOCTYPE html><html dir="rtl" xmlns="http://www.w3.org/1999/xhtml" xmlns:b="http://www.google.com/2005/gml/b">
<head><meta content="text/html; charset=UTF-8" http-equiv="Content-Type"/>
<title>{site}: {e(art['title'])}</title>
<meta content="{e(art['title'])}" property="og:title"/>
<link href="https://{domain}/{y}/{m}/{art['slug']}.html" rel="canonical"/></head>
<body><div class="content-outer"><header><div class="header-outer"><h1 class="title">{site}</h1><p class="description">أخبار محلية يومية من قلب الحي</p></div></header>
<div class="main-outer"><div class="date-outer"><h2 class="date-header"><span>{ar_date(art['date'])}</span></h2>
<div class="post hentry" itemprop="blogPost" itemscope="itemscope" itemtype="http://schema.org/BlogPosting">
<meta content="{art['date']}T07:00:00+03:00" itemprop="datePublished"/>
<h3 class="post-title entry-title" itemprop="name">{e(art['title'])}</h3>
<div class="post-header"></div>
<div class="post-body entry-content" id="post-body-1" itemprop="description articleBody">
{body_html(art, para='<div dir="rtl">{}</div><br />', sub='<div dir="rtl"><b>{}</b></div><br />')}
</div>
<div class="post-footer"><div class="post-footer-line post-footer-line-1"><span class="post-author vcard">بقلم <span class="fn" itemprop="author" itemscope="itemscope" itemtype="http://schema.org/Person"><span itemprop="name">{e(art['author'])}</span></span></span>
<span class="post-timestamp">في <abbr class="published" title="{art['date']}T07:00:00+03:00">7:00 ص</abbr></span></div>
<div class="post-share-buttons goog-inline-block"><a>إرسال بالبريد الإلكتروني</a><a>كتابة مدونة حول هذه المشاركة</a><a>المشاركة في X</a><a>المشاركة في Facebook</a></div>
<div class="post-footer-line post-footer-line-2"><span class="post-labels">التصنيفات: <a>محليات</a></span></div></div></div></div>
<div class="comments" id="comments"><h4>ليست هناك تعليقات:</h4><p>إرسال تعليق</p></div>
<div class="blog-pager"><a class="blog-pager-newer-link">رسالة أحدث</a> <a class="home-link">الصفحة الرئيسية</a> <a class="blog-pager-older-link">رسالة أقدم</a></div>
</div></div></body></html>
"""


def portal_sidebar(art, site="العاصمة 24", domain="alasima24.com"):
    y, m, d = art["date"].split("-")
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{e(art['title'])} - {site}</title>
<meta property="og:title" content="{e(art['title'])}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{art['date']}T19:45:00+03:00">
<meta property="article:author" content="https://www.facebook.com/{domain}">
<meta name="twitter:creator" content="@alasima24">
<link rel="canonical" href="https://{domain}/news/{y}/{m}/{d}/{art['slug']}">
</head><body>
<div class="cookie-bar">يستخدم هذا الموقع ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك. <button>قبول</button></div>
<div class="breaking-news"><span>عاجل</span><marquee>{e(RELATED[1])}</marquee></div>
<header><div class="logo">{site}</div><nav><a>الرئيسية</a><a>محليات</a><a>عربي ودولي</a><a>اقتصاد</a><a>رياضة</a><a>فن</a></nav></header>
<div class="page"><div class="col-main"><div class="news-details">
<ol class="breadcrumb"><li>الرئيسية</li><li>محليات</li></ol>
<h1 class="news-title">{e(art['title'])}</h1>
<div class="news-meta"><span class="writer">كتب: {e(art['author'])}</span><span class="news-date">{ar_date(art['date'])} - 07:45 م</span></div>
<div class="news-img"><img src="/up/{art['slug']}.jpg"><p class="img-caption">صورة تعبيرية</p></div>
<div class="news-text" id="NewsStory">
{body_html(art, inject=f'<div class="inside-related"><span>اقرأ أيضا:</span> <a>{e(RELATED[0])}</a></div>')}
</div>
<div class="news-share"><span>شارك الخبر</span><a>فيسبوك</a><a>تويتر</a><a>واتساب</a><a>تيليجرام</a></div>
<div class="news-tags"><span>كلمات البحث</span><a>محليات</a><a>خدمات</a></div>
</div></div>
<div class="col-side"><div class="most-read-box"><h3>الأكثر قراءة</h3><ul>{''.join(f'<li><a>{e(t)}</a></li>' for t in RELATED)}</ul></div>
<div class="ad-box"><span>مساحة إعلانية</span></div></div></div>
<footer><p>جميع الحقوق محفوظة © {site} 2024</p></footer></body></html>
"""


def wp_inline_junk(art, site="أنباء الساحل", domain="anbaa-alsahel.com"):
    y, m, d = art["date"].split("-")
    junk = (f'<p><strong>اقرأ أيضا</strong></p><ul><li><a>{e(RELATED[0])}</a></li><li><a>{e(RELATED[1])}</a></li></ul>'
            '<p>Advertisements</p>')
    first, second, *rest = art["paragraphs"]
    body = "\n".join([f"<p>{e(first)}</p>", '<p><em>جانب من المكان (أ ف ب)</em></p>', f"<p>{e(second)}</p>", junk,
                      *[("<h2>{}</h2>" if p in SUBHEADS else "<p>{}</p>").format(e(p)) for p in rest],
                      '<p>تابعونا على قناة تيليجرام لمزيد من الأخبار</p>'])
    return f"""<!DOCTYPE html><html dir="rtl" lang="ar-SA"><head><meta charset="UTF-8">
<title>{e(art['title'])} &#8212; {site}</title>
<meta property="og:title" content="{e(art['title'])}"><meta property="og:site_name" content="{site}">
<meta name="author" content="{e(art['author'])}">
<meta property="article:published_time" content="{art['date']}T11:11:00+00:00">
<link rel="canonical" href="https://{domain}/?p={sum(map(ord, art['slug']))}"></head>
<body><div id="page"><header class="site-header"><div class="site-branding"><p class="site-title">{site}</p></div>
<nav><ul><li>الرئيسية</li><li>أخبار</li><li>تقارير</li></ul></nav></header>
<div id="content"><div id="primary"><main id="main"><article class="post">
<header class="entry-header"><h1 class="entry-title">{e(art['title'])}</h1></header>
<div class="entry-content">
{body}
</div></article></main></div></div>
<footer class="site-footer"><div class="site-info">{site} &copy; 2024</div></footer></div></body></html>
"""


def wire_dateline(art, site="الوكالة العربية للأنباء", domain="arab-news-agency.org"):
    y, m, d = art["date"].split("-")
    first, *rest = art["paragraphs"]
    ld = {"@context": "https://schema.org", "@type": "ReportageNewsArticle", "headline": art["title"],
          "author": [{"@type": "Person", "name": art["author"]}], "datePublished": f"{art['date']}T06:00:00Z"}
    paras = "\n".join(("<h4>{}</h4>" if p in SUBHEADS else "<p>{}</p>").format(e(p)) for p in rest)
    return f"""<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>{e(art['title'])} | {site}</title>
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script></head>
<body><div class="wrap"><div class="top-links"><a>English</a> | <a>Français</a> | <a>عربي</a></div>
<div class="main"><div class="story"><h1>{e(art['title'])}</h1>
<p class="dateline-date"><time datetime="{art['date']}T06:00:00Z">{ar_date(art['date'], LEV_MONTHS)}</time></p>
<div class="story-body"><p>عمّان - {e(first)}</p>
{paras}
<p class="story-footer">(انتهى)</p></div></div>
<div class="tags-box"><span>وسوم:</span> <a>محليات</a> <a>خدمات</a></div></div>
<div class="footer">{site} 2024 ©</div></div></body></html>
"""


TEMPLATES = [wp_jannah, wp_newspaper, wp_gutenberg_caption, drupal, custom_wysiwyg, custom_articlebody,
             legacy_cp1256, amp, blogger, portal_sidebar,
             wp_inline_junk, wire_dateline]


def main() -> None:
    articles = json.loads((HERE / "articles.json").read_text(encoding="utf-8"))
    for t, template in enumerate(TEMPLATES):
        for k in range(3):
            art = articles[(t + k * 3) % len(articles)]
            name = f"{t:02d}{k}_{template.__name__}_{art['slug']}"
            page = template(art)
            encoding = "cp1256" if template is legacy_cp1256 else "utf-8"
            (HERE / f"{name}.html").write_bytes(page.encode(encoding))
            expected = {"title": art["title"], "author": art["author"], "published": art["date"],
                        "text": "\n".join([art["title"], *art["paragraphs"]])}
            (HERE / f"{name}.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n",
                                                encoding="utf-8")


if __name__ == "__main__":
    main()
