<#--
  The Markdown report. Every ${...} of a string is escaped for Markdown text by the output format
  (MarkdownOutputFormat: Sanitize.forMarkdownCell); code(), cellCode() and block() make code spans and
  fenced blocks (MarkdownCode). A value never starts a line: each follows fixed text ("- ", "### ").
  Lines holding only directives are dropped by FreeMarker, so the layout below is the output's.
-->
<#-- a function, not a macro: a line holding only a macro call loses its line break to whitespace stripping -->
<#function prose p><#local out><#list p.spans as s><#if s.code>${code(s.text)}<#else>${s.text}</#if></#list></#local><#return out></#function>
<#macro evidence items>
<#list items as e>
- ${e.summary}
<#list e.samples as s>
  - ${code(s.location)} ${code(s.cut)}
</#list>
</#list>

</#macro>
<#macro steps title items numbered>
<#if items?has_content>
**${title}**

<#list items as step>
<#if numbered>${step?counter}. <#else>- </#if>${prose(step.prose)}
<#if step.command?has_content>

${block(step.command, 3, "")}
</#if>
</#list>

</#if>
</#macro>
# Diagnosis of ${code(r.caseFolder)}

_${r.tool}_

<#if r.detailNote?has_content>
_${r.detailNote}_

</#if>
## Verdict: ${r.verdict.severity}

<#if r.verdict.headline?has_content>
${r.verdict.headline}.

</#if>
<#if r.verdict.clean>
No problem found in the evidence: nothing to do.
</#if>
<#list r.verdict.happened as h>
- ${h}
</#list>

<#if r.verdict.alsoSeen?has_content>
**Also seen, a handful of entries each:**

<#list r.verdict.alsoSeen as h>
- ${h}
</#list>

</#if>
<#if r.verdict.doNow?has_content>
**Do now:**

<#-- "1. [P1] ..." lines make an ordered list of their own: the top actions are ranks 1, 2, 3 -->
<#list r.verdict.doNow as a>
${a}
</#list>

</#if>
<#if r.verdict.missing?has_content>
**Missing from the case:**

<#list r.verdict.missing as m>
- ${m}
</#list>

</#if>
<#if r.timeline?has_content>
## Timeline

${block(r.timeline, 0, "text")}

</#if>
## Actions (${r.actions?size}, in order)

<#list r.actions as a>
### ${a.rank}. ${a.title}

**${a.priority}** · ${code(a.id)} · ${a.role} for <#list a.serves as s>${code(s)}<#sep>, </#list> · ${a.target} · ${a.kind} · cost ${a.cost} · risk ${a.risk}<#if a.changesServer> · changes the server</#if>

${prose(a.why)}

<#list a.caveats as c>
> **Caution:** ${c}
</#list>
<#if a.caveats?has_content>

</#if>
<#if a.evidence?has_content>
Evidence:

<@evidence a.evidence/>
</#if>
<#if a.requires?has_content>
Requires first: <#list a.requires as q>${code(q)}<#sep>, </#list>

</#if>
<#if a.brief?has_content>
_${a.brief}_

</#if>
<@steps "Steps", a.steps, true/>
<@steps "Verify", a.verify, false/>
<@steps "Risks", a.risks, false/>
<@steps "Revert", a.revert, true/>
<#if a.order?has_content>
Order: ${a.order}

</#if></#list>
## Diagnoses (${r.diagnoses?size})

<#list r.diagnoses as d>
### ${d.title}

**${d.severity}**, ${d.certainty} · ${code(d.id)} · ${d.target}<#if d.window?has_content> · ${d.window}</#if>

${prose(d.explanation)}

<@evidence d.evidence/>
<#list d.known as k>
- Known: ${k}
</#list>
<#list d.plan as p>
- Plan, ${p.role}: ${code(p.action)} (${p.outcome})
</#list>

Rules: <#list d.rules as rule>${code(rule)}<#sep>, </#list>

</#list>
## Open questions (${r.questions?size})

<#list r.questions as q>
- **${q.text}** ${q.why}<#if q.answeredBy?has_content> Answered by <#if q.answeredByRank?has_content>${q.answeredByRank}, </#if>${code(q.answeredBy)}.</#if>
</#list>

<#if r.notRecommended?has_content>
## Not recommended (${r.notRecommended?size})

<#list r.notRecommended as n>
- ${code(n.action)} for ${code(n.diagnosis)} (${n.target}): ${n.why}
</#list>

</#if>
<#if r.benign?has_content>
## Recognised as normal (${r.benign?size}, not escalated)

<#list r.benign as b>
- ${b.summary}: ${b.reason} (${code(b.rule)})
</#list>

</#if>
## Case summary

<#list r.summary as line>
- ${line}
</#list>

## Inputs (${r.inputs?size})

| file | what was read |
|---|---|
<#list r.inputs as f>
| ${cellCode(f.name)} | ${f.state} |
</#list>

<#list r.inputs as f>
<#list f.notes as note>
- ${code(f.name)}: note: ${note}
</#list>
<#list f.problems as p>
- ${code(p.location)}: ${p.reason}
</#list>
<#if f.more?has_content>
- ${code(f.name)}: ${f.more}
</#if>
</#list>

