<#--
  The HTML report: one self-contained page (inline CSS from report.css, no script, no external
  resource). The output format is HTML with auto-escaping forced, so every ${...} of a string is
  escaped; the only markup written as it is is `chart`, the SVG that TimelineSvg made in Java with
  every text in it escaped. Lines holding only directives are dropped, so the page's lines are these.
-->
<#function prose p><#local out><#list p.spans as s><#if s.code><code>${s.text}</code><#else>${s.text}</#if></#list></#local><#return out></#function>
<#macro evidence items total>
<details class="evidence"><summary>Evidence (${total})</summary><ul><#list items as e><li>${e.summary}<ul class="samples"><#list e.samples as s><li>${s.location}  ${s.text}</li></#list></ul></li></#list></ul></details><#t>
</#macro>
<#macro steps title items numbered open>
<#if items?has_content><details<#if open> open</#if>><summary>${title}</summary><#if numbered><ol><#else><ul></#if><#list items as step><li>${prose(step.prose)}<#if step.command?has_content><pre><#list step.command as l>${l}<#sep>
</#list></pre></#if></li></#list><#if numbered></ol><#else></ul></#if></details></#if><#t>
</#macro>
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>iisdiag: ${r.caseFolder}</title><style><#include "report.css" parse=false></style></head><body><main>
<h1>Diagnosis of ${r.caseFolder}</h1><div class="tool">${r.tool}</div>
<#if r.detailNote?has_content>
<p class="meta">${r.detailNote}</p>
</#if>
<h2>Verdict: <span class="badge ${r.verdict.severity}">${r.verdict.severity}</span></h2><div class="card"><#t>
<#if r.verdict.headline?has_content><p class="headline">${r.verdict.headline}</p></#if><#t>
<#if r.verdict.clean><p>No problem found in the evidence: nothing to do.</p><#elseif r.verdict.happened?has_content><ul><#list r.verdict.happened as h><li>${h}</li></#list></ul></#if><#t>
<#if r.verdict.alsoSeen?has_content><p><strong>Also seen, a handful of entries each:</strong></p><ul><#list r.verdict.alsoSeen as h><li>${h}</li></#list></ul></#if><#t>
<#if r.verdict.doNow?has_content><p><strong>Do now:</strong></p><ul><#list r.verdict.doNow as a><li>${a}</li></#list></ul></#if><#t>
<#if r.verdict.missing?has_content><p><strong>Missing from the case:</strong></p><ul><#list r.verdict.missing as m><li>${m}</li></#list></ul></#if><#t>
</div>
<#if chart?has_content>
<h2>Timeline</h2>
${chart}<#t>
</#if>
<h2>Actions (${r.actions?size}, in order)</h2>
<#list r.actions as a>
<div class="card"><div><span class="badge ${a.priority}">${a.priority}</span><strong>${a.rank}. ${a.title}</strong></div><#t>
<div class="meta">${a.id} · ${a.role} for ${a.serves?join(", ")} · ${a.target} · ${a.kind} · cost ${a.cost} · risk ${a.risk}<#if a.changesServer> · changes the server</#if></div><#t>
<p>${prose(a.why)}</p><#t>
<#list a.caveats as c><div class="caution"><strong>Caution:</strong> ${c}</div></#list><#t>
<#if a.requires?has_content><div class="meta">Requires first: ${a.requires?join(", ")}</div></#if><#t>
<#if a.brief?has_content><p class="meta">${a.brief}</p></#if><#t>
<@steps "Steps", a.steps, true, true/><@steps "Verify", a.verify, false, false/><@steps "Risks", a.risks, false, false/><@steps "Revert", a.revert, true, false/><#t>
<#if a.evidence?has_content><@evidence a.evidence, a.evidenceTotal/></#if><#t>
<div class="meta">Rules: ${a.rules?join(", ")}<#if a.order?has_content><br>Order: ${a.order}</#if></div></div>
</#list>
<h2>Diagnoses (${r.diagnoses?size})</h2>
<#list r.diagnoses as d>
<div class="card"><div><span class="badge ${d.severity}">${d.severity}</span><strong>${d.title}</strong> <span class="meta">${d.certainty} · ${d.id} · ${d.target}<#if d.window?has_content> · ${d.window}</#if></span></div><p>${prose(d.explanation)}</p><#t>
<@evidence d.evidence, d.evidenceTotal/><ul><#list d.known as k><li>Known: ${k}</li></#list><#list d.plan as p><li>Plan, ${p.role}: ${p.action} (${p.outcome})</li></#list></ul><#t>
<div class="meta">Rules: ${d.rules?join(", ")}</div></div>
</#list>
<h2>Open questions (${r.questions?size})</h2><ul><#list r.questions as q><li><strong>${q.text}</strong> ${q.why}<#if q.answeredBy?has_content> <span class="meta">Answered by <#if q.answeredByRank?has_content>${q.answeredByRank}, </#if>${q.answeredBy}</span></#if></li></#list></ul>
<#if r.notRecommended?has_content>
<h2>Not recommended (${r.notRecommended?size})</h2><ul><#list r.notRecommended as n><li><code>${n.action}</code> for <code>${n.diagnosis}</code> (${n.target}): ${n.why}</li></#list></ul>
</#if>
<h2>Case summary</h2><div class="card"><ul><#list r.summary as line><li>${line}</li></#list></ul></div>
<h2>Inputs (${r.inputs?size})</h2><table><tr><th>file</th><th>what was read</th></tr><#list r.inputs as f><tr><td><code>${f.name}</code></td><td>${f.state}<#list f.notes as n><br><span class="meta">note: ${n}</span></#list><#list f.problems as p><br><span class="meta">${p.location}: ${p.reason}</span></#list><#if f.more?has_content><br><span class="meta">${f.more}</span></#if></td></tr></#list></table>
<#if r.benign?has_content>
<h2>Recognised as normal (${r.benign?size}, not escalated)</h2><ul><#list r.benign as b><li>${b.summary}: ${b.reason} <span class="meta">${b.rule}</span></li></#list></ul>
</#if>
</main></body></html>
