#!/usr/bin/env python3
"""The sample government websites of bench/monitoring.sh: N pages spread over S sites, one directory per site.

Usage: monitoring-site.py OUT_DIR PAGES SITES
Site k (1..S) is served from OUT_DIR/127.0.0.<k>/ (nginx picks the root by the address the request came to). Each
page is a realistic article page of 20-40 KB (navigation, breadcrumbs, an article of Chinese text, a related-links
list, a footer with the site's 备案 numbers) that uses six resources shared by its site (two stylesheets, two
scripts, a logo and a banner) and one image of its own. Prints one line per page: its URL path, then the paths of
its resources, tab-separated (the reference fetcher reads it). Deterministic (a fixed seed).
"""
import os
import random
import sys

out, pages, sites = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(38)
# common characters of Chinese government notices, so that the text is made of real words' characters
CHARS = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而"
         "方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应"
         "开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命"
         "此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求"
         "老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光"
         "门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速"
         "花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需"
         "段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感"
         "劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂"
         "京识适属圆包火住调满县局照参红细引听该铁价严")
TOPICS = ["关于做好2026年度安全生产工作的通知", "市人民政府办公厅关于印发数字政府建设实施方案的通知",
          "关于公开征求城市更新条例（草案）意见的公告", "2026年第三季度政务公开工作要点", "关于调整城乡居民医疗保险政策的说明",
          "市政府常务会议研究部署防汛抗旱工作", "关于开展网络安全宣传周活动的通知", "政府信息公开年度报告"]
NAV = ["首页", "政务公开", "政务服务", "互动交流", "走进本市", "专题专栏", "政策文件", "新闻中心", "办事指南", "数据开放"]


def sentence(lo=12, hi=40):
    return "".join(rnd.choice(CHARS) for _ in range(rnd.randint(lo, hi))) + rnd.choice("。，；。。")


def paragraph():
    return "".join(sentence() for _ in range(rnd.randint(3, 8)))


def blob(path, size, head):
    with open(path, "wb") as f:
        f.write(head + rnd.randbytes(size - len(head)))


SHARED = ["/css/site.css", "/css/print.css", "/js/common.js", "/js/site.js", "/img/logo.png", "/img/banner.jpg"]
for k in range(1, sites + 1):
    root = os.path.join(out, "127.0.0.%d" % k)
    for d in ("css", "js", "img", "art", "pic"):
        os.makedirs(os.path.join(root, d), exist_ok=True)
    with open(os.path.join(root, "css/site.css"), "w") as f:
        for i in range(300):
            f.write(".c%d{margin:%dpx;padding:%dpx;color:#%06x;font-size:%dpx}\n" % (
                i, i % 20, i % 13, rnd.randrange(1 << 24), 12 + i % 8))
    with open(os.path.join(root, "css/print.css"), "w") as f:
        f.write("@media print{.nav,.footer,.share{display:none}body{font-size:12pt}}\n" * 20)
    with open(os.path.join(root, "js/common.js"), "w") as f:
        for i in range(400):
            f.write("function f%d(a,b){return a*%d+b-%d;}\n" % (i, i, i))
    with open(os.path.join(root, "js/site.js"), "w") as f:
        f.write("document.addEventListener('DOMContentLoaded',function(){var n=document.querySelectorAll('.nav a');"
                "for(var i=0;i<n.length;i++){n[i].title=n[i].textContent;}});\n" * 10)
    blob(os.path.join(root, "img/logo.png"), 8 * 1024, b"\x89PNG\r\n\x1a\n")
    blob(os.path.join(root, "img/banner.jpg"), 40 * 1024, b"\xff\xd8\xff\xe0")

for p in range(1, pages + 1):
    k = (p - 1) % sites + 1
    root = os.path.join(out, "127.0.0.%d" % k)
    name = "a%05d" % p
    blob(os.path.join(root, "pic", name + ".jpg"), rnd.randint(15, 30) * 1024, b"\xff\xd8\xff\xe0")
    title = rnd.choice(TOPICS)
    target = rnd.randint(20, 40) * 1024
    parts = ["<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">",
             "<title>%s_示例市人民政府</title>" % title,
             '<meta name="keywords" content="政务公开,通知公告"><meta name="description" content="%s">' % title,
             '<link rel="stylesheet" href="/css/site.css"><link rel="stylesheet" href="/css/print.css" media="print">',
             '<script src="/js/common.js"></script><script src="/js/site.js"></script></head><body>',
             '<div class="header"><img src="/img/logo.png" alt="示例市人民政府"><img src="/img/banner.jpg" alt=""></div>',
             '<ul class="nav">' + "".join('<li><a href="/art/n%d.html">%s</a></li>' % (i, n) for i, n in enumerate(NAV))
             + "</ul>",
             '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/art/">政务公开</a> &gt; 通知公告</div>',
             '<div class="article"><h1>%s</h1><div class="info">发布时间：2026-%02d-%02d 来源：市政府办公厅</div>' % (
                 title, rnd.randint(1, 12), rnd.randint(1, 28)),
             '<p><img src="/pic/%s.jpg" alt="配图"></p>' % name]
    size = sum(len(s.encode()) for s in parts)
    footer = ('</div><div class="related"><h3>相关链接</h3><ul>' + "".join(
        '<li><a href="/art/a%05d.html">%s</a></li>' % (rnd.randint(1, pages), rnd.choice(TOPICS)) for _ in range(12))
        + '</ul></div><div class="footer"><p>主办：示例市人民政府办公厅 承办：示例市大数据中心</p>'
        '<p>网站标识码：1100000001 京ICP备00000000号 京公网安备 11000002000001号</p></div></body></html>\n')
    size += len(footer.encode())
    while size < target:
        para = "<p>%s</p>" % paragraph()
        parts.append(para)
        size += len(para.encode())
    parts.append(footer)
    with open(os.path.join(root, "art", name + ".html"), "w") as f:
        f.write("\n".join(parts))
    print("\t".join(["127.0.0.%d" % k, "/art/%s.html" % name] + SHARED + ["/pic/%s.jpg" % name]))
