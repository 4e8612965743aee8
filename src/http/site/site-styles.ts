/**
 * The reader site's whole stylesheet, inlined in every page: at this size one request fewer
 * beats a cached file, and nothing blocks the first paint. Mobile first; system fonts only.
 */
export const SITE_STYLES = `
:root{--ink:#16181d;--muted:#4a4f59;--rule:#d9dbe0;--accent:#8a1c1c;--paper:#fff;--soft:#f4f2ee;--text-scale:1;--measure:42rem;color-scheme:light}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--paper);color:var(--ink);font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:inherit;text-underline-offset:.15em}
a:hover{color:var(--accent)}
:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}
img{max-width:100%;height:auto;display:block}
.visually-hidden{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.skip-link{position:absolute;left:.5rem;top:-4rem;z-index:10;background:var(--ink);color:#fff;padding:.75rem 1rem;border-radius:4px}
.skip-link:focus{top:.5rem}
.wrap{max-width:72rem;margin:0 auto;padding-inline:1rem}
.masthead{border-bottom:3px double var(--ink)}
.date-bar{display:flex;flex-wrap:wrap;gap:.25rem 1rem;justify-content:space-between;align-items:center;font-size:.875rem;color:var(--muted);padding:.5rem 0;border-bottom:1px solid var(--rule);margin:0}
.date-bar p{margin:0}
.weather{display:flex;gap:.5rem;align-items:center}
.weather svg{width:1.25rem;height:1.25rem;flex:none}

.weather .place{font-weight:600;letter-spacing:.04em}
.brand{text-align:center;padding:1rem 0 0;margin:0}
.brand a{text-decoration:none;font-family:Georgia,"Times New Roman",serif;font-weight:700;font-size:clamp(1.75rem,6vw,3rem);line-height:1.1;letter-spacing:-.01em}
.tagline{margin:.25rem 0 0;text-align:center;color:var(--muted);font-size:.875rem}
.eic{margin:0;padding:.5rem 0 .75rem;text-align:center;font-size:.75rem;letter-spacing:.08em;text-transform:uppercase;color:var(--muted)}
.site-search{display:flex;justify-content:center;gap:.5rem;padding:0 0 .75rem}
.site-search input{font:inherit;min-height:2.75rem;width:16rem;max-width:100%;min-width:0;padding:0 .75rem;border:1px solid var(--muted);border-radius:4px;background:var(--paper);color:var(--ink)}
.site-search button,.search-filters button{font:inherit;font-weight:700;min-height:2.75rem;padding:0 1rem;border:1px solid var(--ink);border-radius:4px;background:var(--ink);color:var(--paper);cursor:pointer}
.sections{border-top:1px solid var(--rule);overflow-x:auto}
.sections ul{display:flex;gap:.25rem;list-style:none;margin:0 auto;padding:0;justify-content:center;min-width:max-content}
.sections a{display:block;padding:.75rem .75rem;text-decoration:none;font-weight:600;font-size:.9375rem}
.sections a[aria-current]{color:var(--accent);box-shadow:inset 0 -3px 0 var(--accent)}
main{display:block;padding:1.5rem 0 2rem}
h1,h2,h3{font-family:Georgia,"Times New Roman",serif;line-height:1.2;margin:0 0 .5rem}
.kicker{margin:0 0 .5rem;font-size:.8125rem;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:var(--accent)}
.kicker a{text-decoration:none}
.story{max-width:var(--measure);margin:0 auto}
.story h1{font-size:clamp(1.75rem,5vw,2.625rem)}
.standfirst{font-size:1.1875rem;color:var(--muted);margin:0 0 1rem}
.byline,.times{margin:0;font-size:.875rem;color:var(--muted)}
.byline a{font-weight:600;color:var(--ink)}
.lead-figure{margin:1.25rem 0}
.lead-figure img,.card img{width:100%;background:var(--soft);aspect-ratio:var(--ratio)}
figcaption{font-size:.875rem;color:var(--muted);padding:.5rem 0;border-bottom:1px solid var(--rule)}
.credit{white-space:nowrap}
.tools{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between;margin:1rem 0;min-height:2.75rem}
.text-size{display:flex;gap:.5rem;align-items:center;visibility:hidden}
.js .text-size{visibility:visible}
.tools button,.share button{font:inherit;font-weight:700;min-width:2.75rem;min-height:2.75rem;padding:0 .75rem;border:1px solid var(--ink);border-radius:4px;background:var(--paper);color:var(--ink);cursor:pointer}
.tools button:disabled{opacity:.45;cursor:default}
.story-body{font-family:Georgia,"Times New Roman",serif;font-size:calc(1.125rem * var(--text-scale));line-height:1.65}
.story-body p{margin:0 0 1.1em}
.story-body figure{margin:1.5rem 0}
.embed iframe{display:block;width:100%;max-width:var(--max-width,100%);border:0;background:var(--soft)}
.embed-ratio iframe{height:auto;aspect-ratio:var(--ratio)}
.embed-link{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:.9em}
.story-body blockquote{margin:1.5rem 0;padding-left:1rem;border-left:4px solid var(--accent);font-style:italic}
.dateline{font-weight:700;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:.9em;letter-spacing:.02em}
.sign-off{font-family:Georgia,"Times New Roman",serif;font-size:calc(1.125rem * var(--text-scale));font-style:italic;margin:0 0 1.5rem}
.corrections{border:1px solid var(--rule);border-left:4px solid var(--accent);padding:.75rem 1rem;margin:0 0 1.5rem;font-size:.9375rem}.corrections h2{font-family:inherit;font-size:.875rem;letter-spacing:.06em;text-transform:uppercase;margin-bottom:.5rem}.corrections ul{margin:0;padding-left:1.25rem}.tags{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:0 0 1.5rem}
.tags a{display:inline-block;padding:.375rem .75rem;border:1px solid var(--rule);border-radius:999px;font-size:.875rem;text-decoration:none}
.share{border-top:1px solid var(--rule);padding-top:1rem;margin-top:1rem}
.share h2{font-family:inherit;font-size:.875rem;letter-spacing:.08em;text-transform:uppercase;margin-bottom:.75rem}
.share ul{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;margin:.75rem 0 0;padding:0}
.share a{display:inline-flex;align-items:center;min-height:2.75rem;padding:0 .875rem;border:1px solid var(--rule);border-radius:4px;text-decoration:none;font-size:.9375rem}
.share-status{min-height:1.5rem;margin:.5rem 0 0;font-size:.875rem;color:var(--muted)}
.read-on{border-top:1px solid var(--rule);padding-top:1rem;margin-top:1.5rem}
.read-on h2{font-family:inherit;font-size:.875rem;letter-spacing:.08em;text-transform:uppercase;margin-bottom:.25rem}
.read-on ul{list-style:none;margin:0;padding:0}
.read-on li{padding:.625rem 0;border-bottom:1px solid var(--rule)}
.read-on li:last-child{border-bottom:0}
.read-on li a{font-family:Georgia,"Times New Roman",serif;font-weight:700;font-size:1.0625rem;line-height:1.3;text-decoration:none}
.read-on time{display:block;margin-top:.125rem;font-size:.8125rem;color:var(--muted)}
.page-end{display:flex;justify-content:space-between;gap:1rem;max-width:var(--measure);margin:2rem auto 0;border-top:1px solid var(--rule);padding-top:1rem}
.page-end a{display:inline-flex;align-items:center;gap:.375rem;min-height:2.75rem;font-weight:600}
.page-end svg{width:1.25rem;height:1.25rem}
.lead-story{display:grid;gap:1rem;padding-bottom:1.5rem;border-bottom:1px solid var(--rule);margin-bottom:1.5rem}
.lead-story h2{font-size:clamp(1.625rem,4.5vw,2.5rem)}
.lead-story .standfirst{margin-bottom:.5rem}
.grid{display:grid;gap:1.25rem;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));list-style:none;margin:0;padding:0}
.card h3,.card h2{font-size:1.1875rem;margin:.5rem 0 .25rem}
.card h3 a,.card h2 a,.lead-story h2 a{text-decoration:none}
.card p{margin:0;font-size:.9375rem;color:var(--muted)}
.more{margin:1rem 0 0;font-weight:600}
.front-section{margin-top:2rem}
.front-section>h2{font-size:1.375rem;border-top:3px solid var(--ink);padding-top:.5rem;margin-bottom:1rem}
.front-section>h2 a{text-decoration:none}
.most-read{margin:2rem 0;border-top:3px solid var(--ink);padding-top:.5rem}
.most-read>h2{font-size:1.375rem;margin-bottom:.75rem}
.most-read ol{list-style:none;margin:0;padding:0;counter-reset:most-read;display:grid;gap:0 1.25rem;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr))}
.most-read li{counter-increment:most-read;display:flex;gap:.75rem;align-items:baseline;border-bottom:1px solid var(--rule);padding:.625rem 0}
.most-read li::before{content:counter(most-read);flex:none;min-width:1.5rem;font-family:Georgia,"Times New Roman",serif;font-size:1.75rem;font-weight:700;line-height:1;color:var(--accent)}
.most-read a{font-family:Georgia,"Times New Roman",serif;font-weight:700;line-height:1.3;text-decoration:none}
.section-head{border-bottom:3px solid var(--ink);margin-bottom:1.25rem}
.section-head p{color:var(--muted);margin:0 0 .75rem}
.author-head{display:flex;gap:1rem;align-items:flex-start}
.author-photo{flex:none;width:6rem}
.author-photo img{width:6rem;height:6rem;border-radius:50%;object-fit:cover}
.author-links{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;padding:0;margin:0 0 .75rem}
.author-links a{display:inline-block;padding:.5rem 0;overflow-wrap:anywhere}
.search-filters{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:flex-end;margin:0 0 1rem}
.search-filters label{display:flex;flex-direction:column;gap:.25rem;font-size:.875rem;font-weight:600;color:var(--muted)}
.search-filters select,.search-filters input{font:inherit;font-weight:400;min-height:2.75rem;padding:0 .5rem;border:1px solid var(--muted);border-radius:4px;background:var(--paper);color:var(--ink)}
.pagination{display:flex;justify-content:space-between;gap:1rem;margin-top:2rem}
.pagination a{font-weight:600;display:inline-flex;min-height:2.75rem;align-items:center}
.site-footer{border-top:3px double var(--ink);padding:1.5rem 0 2.5rem;font-size:.875rem;color:var(--muted)}
.site-footer ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;padding:0;margin:0 0 1rem}
.site-footer a{display:inline-block;padding:.5rem 0}
.error-page{max-width:var(--measure);margin:0 auto;text-align:center;padding:2rem 0}
@media (min-width:48rem){
.lead-story{grid-template-columns:3fr 2fr;align-items:center}
.lead-story .lead-figure{margin:0}
}
@media print{
.skip-link,.site-search,.search-filters,.sections,.tools,.share,.read-on,.page-end,.site-footer ul,.weather svg,.embed iframe{display:none!important}
body{font-size:11pt;color:#000}
.story-body,.sign-off{font-size:11pt}
a{text-decoration:none}
.story-body a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em}
.masthead{border-bottom:1px solid #000}
}
`.replace(/\n/g, '');

/**
 * The breaking-news banner's rules, sent in the head only while a banner shows: every other
 * page would carry them for nothing. White on the accent red is 9:1.
 */
export const BREAKING_NEWS_STYLES = `
.breaking-news{background:var(--accent);color:#fff}
.breaking-news p{margin:0;padding:.625rem 0;font-weight:600}
.breaking-news strong{display:inline-block;margin-right:.5rem;padding:0 .375rem;border:1px solid #fff;border-radius:2px;font-size:.75rem;letter-spacing:.08em;text-transform:uppercase;vertical-align:.1em}
.breaking-news a,.breaking-news a:hover{color:#fff}
.breaking-news a:hover{text-decoration-thickness:2px}
.breaking-news :focus-visible{outline-color:#fff}
`.replace(/\n/g, '');
