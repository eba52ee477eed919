<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shows an RSS 2.0 or Atom feed of this site as a readable page when someone opens
  it in a browser, with what a feed is for and how to subscribe. Feed readers
  ignore this file. Everything the page needs is here: it loads nothing else.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="atom">
<xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

<xsl:variable name="rss" select="/rss/channel"/>
<xsl:variable name="atom" select="/atom:feed"/>
<xsl:variable name="title" select="$rss/title | $atom/atom:title"/>
<xsl:variable name="self" select="$rss/atom:link[@rel='self']/@href | $atom/atom:link[@rel='self']/@href"/>
<xsl:variable name="site" select="$rss/link | $atom/atom:link[@rel='alternate']/@href"/>
<xsl:variable name="publisher" select="$rss/description | $atom/atom:subtitle"/>

<xsl:template match="/">
<html lang="id">
<head>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<meta name="robots" content="noindex"/>
<title><xsl:value-of select="$title"/> · alamat langganan</title>
<style>
body { margin: 0; font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; background: #fff; }
main { max-width: 42rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: .5rem 0; }
h2 { font-size: 1.2rem; margin-top: 2rem; }
a { color: #0b3d6e; }
.note { background: #fff7d6; border-left: .3rem solid #b58100; padding: .75rem 1rem; }
code { display: block; overflow-wrap: anywhere; background: #f2f2f2; padding: .5rem; margin: .3rem 0; font-size: .95rem; }
ol li, ul li { margin: .4rem 0; }
.items { list-style: none; padding: 0; }
.items li { border-top: 1px solid #ddd; padding: .75rem 0; }
.items a { font-weight: 600; }
time { display: block; color: #555; font-size: .9rem; }
.items p { margin: .25rem 0 0; }
@media (prefers-color-scheme: dark) {
  body { background: #121212; color: #eee; }
  a { color: #9cc7ff; }
  .note { background: #3a3000; }
  code { background: #2a2a2a; }
  time { color: #bbb; }
}
</style>
</head>
<body>
<main>
<p class="note"><strong>Ini alamat langganan, bukan halaman biasa.</strong>
Alamat ini dibuat untuk aplikasi pembaca berita. Di browser, halaman ini menampilkan isinya agar mudah dibaca.</p>
<h1><xsl:value-of select="$title"/></h1>
<xsl:if test="$publisher"><p><xsl:value-of select="$publisher"/></p></xsl:if>
<xsl:if test="$site"><p><a href="{$site}">Buka situsnya</a></p></xsl:if>

<h2>Cara berlangganan</h2>
<p>Dengan berlangganan, berita dan pengumuman baru tampil sendiri di aplikasi Anda, tanpa perlu membuka situs ini.
Anda tidak perlu mendaftar atau memberikan data diri, dan dapat berhenti kapan saja dengan menghapus langganan di aplikasi.</p>
<ol>
<li>Pasang aplikasi pembaca berita di ponsel atau komputer Anda. Banyak yang gratis: cari "RSS reader" atau "pembaca RSS" di toko aplikasi ponsel Anda.</li>
<li>Salin alamat berikut:<code><xsl:value-of select="$self"/></code></li>
<li>Di aplikasi, pilih tambah langganan (sering bertanda +), tempelkan alamat tadi, lalu simpan.</li>
</ol>

<h2>Isi terbaru</h2>
<xsl:choose>
<xsl:when test="$rss/item | $atom/atom:entry">
<ul class="items">
<xsl:apply-templates select="$rss/item | $atom/atom:entry"/>
</ul>
</xsl:when>
<xsl:otherwise><p>Belum ada berita atau pengumuman.</p></xsl:otherwise>
</xsl:choose>
</main>
</body>
</html>
</xsl:template>

<xsl:template match="item">
<li>
<a href="{link}"><xsl:value-of select="title"/></a>
<xsl:call-template name="rfc822"><xsl:with-param name="d" select="normalize-space(pubDate)"/></xsl:call-template>
<xsl:if test="description"><p><xsl:value-of select="description"/></p></xsl:if>
</li>
</xsl:template>

<xsl:template match="atom:entry">
<li>
<a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a>
<xsl:call-template name="rfc3339"><xsl:with-param name="d" select="normalize-space(atom:published)"/></xsl:call-template>
<xsl:if test="atom:summary"><p><xsl:value-of select="atom:summary"/></p></xsl:if>
</li>
</xsl:template>

<!-- "Wed, 18 Nov 2026 08:00:00 +0700" as "18 November 2026, 08.00 WIB" -->
<xsl:template name="rfc822">
<xsl:param name="d"/>
<xsl:if test="$d">
<time>
<xsl:value-of select="number(substring($d, 6, 2))"/><xsl:text> </xsl:text>
<xsl:call-template name="month"><xsl:with-param name="m" select="substring($d, 9, 3)"/></xsl:call-template>
<xsl:text> </xsl:text><xsl:value-of select="substring($d, 13, 4)"/>
<xsl:text>, </xsl:text><xsl:value-of select="substring($d, 18, 2)"/>.<xsl:value-of select="substring($d, 21, 2)"/>
<xsl:text> </xsl:text>
<xsl:call-template name="zone"><xsl:with-param name="z" select="translate(substring($d, 27, 5), ':', '')"/></xsl:call-template>
</time>
</xsl:if>
</xsl:template>

<!-- "2026-11-18T08:00:00+07:00" as "18 November 2026, 08.00 WIB" -->
<xsl:template name="rfc3339">
<xsl:param name="d"/>
<xsl:if test="$d">
<time datetime="{$d}">
<xsl:value-of select="number(substring($d, 9, 2))"/><xsl:text> </xsl:text>
<xsl:call-template name="month"><xsl:with-param name="m" select="substring($d, 6, 2)"/></xsl:call-template>
<xsl:text> </xsl:text><xsl:value-of select="substring($d, 1, 4)"/>
<xsl:text>, </xsl:text><xsl:value-of select="substring($d, 12, 2)"/>.<xsl:value-of select="substring($d, 15, 2)"/>
<xsl:text> </xsl:text>
<xsl:call-template name="zone"><xsl:with-param name="z" select="translate(substring($d, 20, 6), ':', '')"/></xsl:call-template>
</time>
</xsl:if>
</xsl:template>

<xsl:template name="zone">
<xsl:param name="z"/>
<xsl:choose>
<xsl:when test="$z = '+0700'">WIB</xsl:when>
<xsl:when test="$z = '+0800'">WITA</xsl:when>
<xsl:when test="$z = '+0900'">WIT</xsl:when>
<xsl:otherwise>UTC<xsl:value-of select="$z"/></xsl:otherwise>
</xsl:choose>
</xsl:template>

<xsl:template name="month">
<xsl:param name="m"/>
<xsl:choose>
<xsl:when test="$m = 'Jan' or $m = '01'">Januari</xsl:when>
<xsl:when test="$m = 'Feb' or $m = '02'">Februari</xsl:when>
<xsl:when test="$m = 'Mar' or $m = '03'">Maret</xsl:when>
<xsl:when test="$m = 'Apr' or $m = '04'">April</xsl:when>
<xsl:when test="$m = 'May' or $m = '05'">Mei</xsl:when>
<xsl:when test="$m = 'Jun' or $m = '06'">Juni</xsl:when>
<xsl:when test="$m = 'Jul' or $m = '07'">Juli</xsl:when>
<xsl:when test="$m = 'Aug' or $m = '08'">Agustus</xsl:when>
<xsl:when test="$m = 'Sep' or $m = '09'">September</xsl:when>
<xsl:when test="$m = 'Oct' or $m = '10'">Oktober</xsl:when>
<xsl:when test="$m = 'Nov' or $m = '11'">November</xsl:when>
<xsl:when test="$m = 'Dec' or $m = '12'">Desember</xsl:when>
<xsl:otherwise><xsl:value-of select="$m"/></xsl:otherwise>
</xsl:choose>
</xsl:template>
</xsl:stylesheet>
