/**
 * The reader site's only JavaScript, inlined. Pages work without it: it adds text size
 * controls, the native share sheet and copy-to-clipboard on top of plain links, and tells the
 * view counter once a reader sees an article (ADR 0050).
 */
import { createHash } from 'node:crypto';
import { VIEW_BEACON_PATH } from './view-beacon.js';

export const TEXT_SIZE_KEY = 'dateline:text-size';

/**
 * Runs in <head> before the body paints, so a reader's chosen text size is applied from the
 * first frame (no layout shift) and the text size buttons show only where they can work.
 */
export const HEAD_SCRIPT = `(function(){var r=document.documentElement;r.className+=' js';try{var v=parseFloat(localStorage.getItem('${TEXT_SIZE_KEY}'));if(v>=0.875&&v<=1.5)r.style.setProperty('--text-scale',String(v))}catch(e){}})();`;

/**
 * Runs once the body is parsed: text size, sharing, copying a link; and on an article, one view
 * sent once the page is visible (not while prerendered or in a background tab), never by an
 * automated browser (navigator.webdriver), carrying nothing but the story's id.
 */
export const BODY_SCRIPT = `(function(){
var d=document,r=d.documentElement,MIN=0.875,MAX=1.5,STEP=0.125;
function scale(){return parseFloat(r.style.getPropertyValue('--text-scale'))||1}
function say(id,text){var s=d.getElementById(id);if(s)s.textContent=text}
function sync(){var v=scale();d.querySelectorAll('[data-text-size]').forEach(function(b){b.disabled=b.getAttribute('data-text-size')==='-'?v<=MIN:v>=MAX})}
function resize(dir){var v=Math.min(MAX,Math.max(MIN,scale()+dir*STEP));r.style.setProperty('--text-scale',String(v));try{localStorage.setItem('${TEXT_SIZE_KEY}',String(v))}catch(e){}sync();say('text-size-status','Text size '+Math.round(v*100)+'%')}
d.addEventListener('click',function(e){
var t=e.target.closest?e.target:e.target.parentElement;
var b=t.closest('[data-text-size]');if(b){resize(b.getAttribute('data-text-size')==='+'?1:-1);return}
var s=t.closest('[data-share]');if(s&&navigator.share){navigator.share({title:s.getAttribute('data-title'),url:s.getAttribute('data-url')}).catch(function(){});return}
var c=t.closest('[data-copy-link]');if(c&&navigator.clipboard){e.preventDefault();navigator.clipboard.writeText(c.href).then(function(){say('share-status','Link copied')},function(){say('share-status','Press and hold the link to copy it')})}
});
if(navigator.share)d.querySelectorAll('[data-share]').forEach(function(b){b.hidden=false});
sync();
var story=d.querySelector('[data-view]');
function view(){if(!story||d.prerendering||d.visibilityState!=='visible')return;var id=story.getAttribute('data-view');story=null;if(!navigator.webdriver&&navigator.sendBeacon)navigator.sendBeacon('${VIEW_BEACON_PATH}',id)}
if(story){view();d.addEventListener('visibilitychange',view);d.addEventListener('prerenderingchange',view)}
})();`.replace(/\n/g, '');

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The Content-Security-Policy every page carries: only our own two inline scripts may run.
 * Embeds never change script-src: their scripts run in their own sandboxed frames.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src ${sha256(HEAD_SCRIPT)} ${sha256(BODY_SCRIPT)}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** The policy of a page that frames embeds: `frame-src` lets in exactly their origins. */
export function contentSecurityPolicy(frameOrigins: readonly string[]): string {
  if (frameOrigins.length === 0) return CONTENT_SECURITY_POLICY;
  return `${CONTENT_SECURITY_POLICY}; frame-src ${frameOrigins.join(' ')}`;
}
