from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_counts = resolve('counts')
    l_0_centers = resolve('centers')
    l_0_sources = resolve('sources')
    l_0_version = resolve('version')
    l_0_data_name = resolve('data_name')
    l_0_cite = l_0_quotes = l_0_bar = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['sort']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'sort' found.")
    try:
        t_4 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    def macro(l_1_link):
        t_5 = []
        if l_1_link is missing:
            l_1_link = undefined("parameter 'link' was not provided", name='link')
        pass
        if t_4(environment.getattr(l_1_link, 'source')):
            pass
            t_5.append(
                escape(environment.getattr(l_1_link, 'source_id')),
            )
        else:
            pass
            t_5.extend((
                '<a href="',
                escape(environment.getattr(l_1_link, 'href')),
                '">',
                escape(environment.getattr(environment.getattr(l_1_link, 'source'), 'title')),
                '</a>',
            ))
        return concat(t_5)
    context.exported_vars.add('cite')
    context.vars['cite'] = l_0_cite = Macro(environment, macro, 'cite', ('link',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_citations):
        t_6 = []
        l_1_cited = resolve('cited')
        if l_1_citations is missing:
            l_1_citations = undefined("parameter 'citations' was not provided", name='citations')
        pass
        l_2_loop = missing
        for (l_2_link, l_2_quote), l_2_loop in LoopContext(context.call((undefined(name='cited') if l_1_cited is missing else l_1_cited), l_1_citations), undefined):
            _loop_vars = {}
            pass
            if (not environment.getattr(l_2_loop, 'first')):
                pass
                t_6.append(
                    '<br>',
                )
            t_6.extend((
                escape(context.call((undefined(name='cite') if l_0_cite is missing else l_0_cite), l_2_link, _loop_vars=_loop_vars)),
                '<br><q',
            ))
            if environment.getattr(l_2_link, 'source'):
                pass
                t_6.extend((
                    ' lang="',
                    escape(environment.getattr(environment.getattr(l_2_link, 'source'), 'language')),
                    '"',
                ))
            t_6.extend((
                '>',
                escape(l_2_quote),
                '</q>',
            ))
        l_2_loop = l_2_link = l_2_quote = missing
        return concat(t_6)
    context.exported_vars.add('quotes')
    context.vars['quotes'] = l_0_quotes = Macro(environment, macro, 'quotes', ('citations',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_share):
        t_7 = []
        l_1_percent_of = resolve('percent_of')
        l_1_percent = missing
        if l_1_share is missing:
            l_1_share = undefined("parameter 'share' was not provided", name='share')
        pass
        l_1_percent = context.call((undefined(name='percent_of') if l_1_percent_of is missing else l_1_percent_of), l_1_share)
        if t_4((undefined(name='percent') if l_1_percent is missing else l_1_percent)):
            pass
            t_7.append(
                '—',
            )
        else:
            pass
            t_7.extend((
                '<span class="bar"><span style="width:',
                escape((undefined(name='percent') if l_1_percent is missing else l_1_percent)),
                '%"></span></span>',
                escape((undefined(name='percent') if l_1_percent is missing else l_1_percent)),
                '%',
            ))
        return concat(t_7)
    context.exported_vars.add('bar')
    context.vars['bar'] = l_0_bar = Macro(environment, macro, 'bar', ('share',), False, False, False, context.eval_ctx.autoescape)
    yield '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="color-scheme" content="light dark">\n<title>Shanghai\'s Five Centers — indicators and targets</title>\n<style>\n'
    template = environment.get_template('report.css', 'report.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'bar': l_0_bar, 'cite': l_0_cite, 'quotes': l_0_quotes}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n</style>\n</head>\n<body>\n<header class="page">\n<h1>Shanghai\'s Five Centers</h1>\n<p>Economic, financial, trade, shipping and sci-tech innovation: '
    yield escape((undefined(name='counts') if l_0_counts is missing else l_0_counts))
    yield '. Every figure cites its source and quotes it.</p>\n<nav class="centers" aria-label="Centers">'
    for l_1_center in (undefined(name='centers') if l_0_centers is missing else l_0_centers):
        _loop_vars = {}
        pass
        yield '<a href="#center-'
        yield escape(environment.getattr(environment.getattr(l_1_center, 'center'), 'value'))
        yield '">'
        yield escape(environment.getattr(environment.getattr(l_1_center, 'center'), 'full_name'))
        yield '</a>'
    l_1_center = missing
    yield '<a href="#sources">Sources</a></nav>\n</header>\n<main>\n<div class="summary">'
    for l_1_center in (undefined(name='centers') if l_0_centers is missing else l_0_centers):
        l_1_outlook = resolve('outlook')
        _loop_vars = {}
        pass
        yield '\n<div><a href="#center-'
        yield escape(environment.getattr(environment.getattr(l_1_center, 'center'), 'value'))
        yield '"><strong>'
        yield escape(environment.getattr(environment.getattr(l_1_center, 'center'), 'full_name'))
        yield '</strong></a><span>'
        yield escape(context.call((undefined(name='outlook') if l_1_outlook is missing else l_1_outlook), l_1_center, _loop_vars=_loop_vars))
        yield '</span></div>'
    l_1_center = l_1_outlook = missing
    yield '\n</div>\n<nav class="contents" aria-label="Contents">\n<h2>Contents</h2>\n<ol>'
    for l_1_center in (undefined(name='centers') if l_0_centers is missing else l_0_centers):
        _loop_vars = {}
        pass
        yield '\n<li><a href="#center-'
        yield escape(environment.getattr(environment.getattr(l_1_center, 'center'), 'value'))
        yield '">'
        yield escape(environment.getattr(environment.getattr(l_1_center, 'center'), 'full_name'))
        yield '</a>'
        if environment.getattr(l_1_center, 'states'):
            pass
            yield '\n<details><summary>'
            yield escape(t_2(environment.getattr(l_1_center, 'states')))
            yield ' indicator'
            yield escape(('s' if (t_2(environment.getattr(l_1_center, 'states')) != 1) else cond_expr_undefined("the inline if-expression on line 50 in 'report.html.j2' evaluated to false and no else section was defined.")))
            yield '</summary><ol>'
            for l_2_state in environment.getattr(l_1_center, 'states'):
                _loop_vars = {}
                pass
                yield '<li><a href="#indicator-'
                yield escape(environment.getattr(environment.getattr(l_2_state, 'indicator'), 'id'))
                yield '">'
                yield escape(environment.getattr(environment.getattr(l_2_state, 'indicator'), 'name'))
                yield '</a></li>'
            l_2_state = missing
            yield '\n</ol></details>'
        yield '</li>'
    l_1_center = missing
    yield '\n<li><a href="#sources">Sources</a></li>\n</ol>\n</nav>\n'
    for l_1_center in (undefined(name='centers') if l_0_centers is missing else l_0_centers):
        l_1_outlook = resolve('outlook')
        l_1_rankings_of = resolve('rankings_of')
        l_1_rankings = missing
        _loop_vars = {}
        pass
        yield '\n<section class="center" id="center-'
        yield escape(environment.getattr(environment.getattr(l_1_center, 'center'), 'value'))
        yield '">\n<h2>'
        yield escape(environment.getattr(environment.getattr(l_1_center, 'center'), 'full_name'))
        yield ' <span lang="zh">'
        yield escape(environment.getattr(environment.getattr(l_1_center, 'center'), 'full_name_zh'))
        yield '</span></h2>\n<p class="outlook">'
        yield escape(context.call((undefined(name='outlook') if l_1_outlook is missing else l_1_outlook), l_1_center, _loop_vars=_loop_vars))
        yield '</p>'
        if (not environment.getattr(l_1_center, 'states')):
            pass
            yield '\n<p class="lede">No indicators recorded for this center yet.</p>'
        else:
            pass
            yield '\n<h4>Headline indicators</h4>\n<div class="scroll"><table class="headlines">\n<thead><tr><th>Indicator</th><th class="num">Latest</th><th class="num">Year</th><th>Change on the year before</th><th>Source</th></tr></thead>\n<tbody>'
            for l_2_state in environment.getattr(l_1_center, 'headlines'):
                l_2_not_comparable = resolve('not_comparable')
                l_2_change_cell = resolve('change_cell')
                l_2_observed = resolve('observed')
                l_2_when = resolve('when')
                l_2_link_of = resolve('link_of')
                l_2_change = l_2_change_note = missing
                _loop_vars = {}
                pass
                l_2_change = ((undefined(name='not_comparable') if l_2_not_comparable is missing else l_2_not_comparable) if environment.getattr(l_2_state, 'change_note') else context.call((undefined(name='change_cell') if l_2_change_cell is missing else l_2_change_cell), environment.getattr(l_2_state, 'change'), _loop_vars=_loop_vars))
                _loop_vars['change'] = l_2_change
                l_2_change_note = (environment.getattr(l_2_state, 'change_note') or (environment.getattr(environment.getattr(l_2_state, 'change'), 'note') if environment.getattr(l_2_state, 'change') else None))
                _loop_vars['change_note'] = l_2_change_note
                yield '\n<tr><td><a href="#indicator-'
                yield escape(environment.getattr(environment.getattr(l_2_state, 'indicator'), 'id'))
                yield '">'
                yield escape(environment.getattr(environment.getattr(l_2_state, 'indicator'), 'name'))
                yield '</a></td>\n<td class="num">'
                yield escape(context.call((undefined(name='observed') if l_2_observed is missing else l_2_observed), environment.getattr(l_2_state, 'indicator'), environment.getattr(l_2_state, 'latest'), with_unit=True, _loop_vars=_loop_vars))
                yield '</td>\n<td class="num">'
                yield escape((context.call((undefined(name='when') if l_2_when is missing else l_2_when), environment.getattr(l_2_state, 'latest'), _loop_vars=_loop_vars) if environment.getattr(l_2_state, 'latest') else '—'))
                yield '</td>\n<td><span class="'
                yield escape((environment.getattr((undefined(name='change') if l_2_change is missing else l_2_change), 'style') or ''))
                yield '"'
                if (undefined(name='change_note') if l_2_change_note is missing else l_2_change_note):
                    pass
                    yield ' title="'
                    yield escape((undefined(name='change_note') if l_2_change_note is missing else l_2_change_note))
                    yield '"'
                yield '>'
                yield escape(environment.getattr((undefined(name='change') if l_2_change is missing else l_2_change), 'text'))
                yield '</span></td>\n<td>'
                yield escape((context.call((undefined(name='cite') if l_0_cite is missing else l_0_cite), context.call((undefined(name='link_of') if l_2_link_of is missing else l_2_link_of), environment.getattr(environment.getattr(l_2_state, 'latest'), 'source'), _loop_vars=_loop_vars), _loop_vars=_loop_vars) if environment.getattr(l_2_state, 'latest') else '—'))
                yield '</td></tr>'
            l_2_state = l_2_not_comparable = l_2_change_cell = l_2_change = l_2_change_note = l_2_observed = l_2_when = l_2_link_of = missing
            yield '\n</tbody></table></div>\n<div class="cards">'
            for l_2_state in environment.getattr(l_1_center, 'states'):
                l_2_unit = resolve('unit')
                l_2_chart_of = resolve('chart_of')
                l_2_fold = resolve('fold')
                l_2_indicator = l_2_chart = l_2_observations = missing
                _loop_vars = {}
                pass
                l_2_indicator = environment.getattr(l_2_state, 'indicator')
                _loop_vars['indicator'] = l_2_indicator
                yield '\n<article class="indicator" id="indicator-'
                yield escape(environment.getattr((undefined(name='indicator') if l_2_indicator is missing else l_2_indicator), 'id'))
                yield '">\n<h3>'
                yield escape(environment.getattr((undefined(name='indicator') if l_2_indicator is missing else l_2_indicator), 'name'))
                if environment.getattr((undefined(name='indicator') if l_2_indicator is missing else l_2_indicator), 'name_zh'):
                    pass
                    yield ' <span lang="zh">'
                    yield escape(environment.getattr((undefined(name='indicator') if l_2_indicator is missing else l_2_indicator), 'name_zh'))
                    yield '</span>'
                yield ' <span class="unit">('
                yield escape(context.call((undefined(name='unit') if l_2_unit is missing else l_2_unit), (undefined(name='indicator') if l_2_indicator is missing else l_2_indicator), _loop_vars=_loop_vars))
                yield ')</span></h3>\n<p class="description">'
                yield escape(environment.getattr((undefined(name='indicator') if l_2_indicator is missing else l_2_indicator), 'description'))
                yield '</p>'
                l_2_chart = context.call((undefined(name='chart_of') if l_2_chart_of is missing else l_2_chart_of), l_2_state, _loop_vars=_loop_vars)
                _loop_vars['chart'] = l_2_chart
                if (undefined(name='chart') if l_2_chart is missing else l_2_chart):
                    pass
                    yield '\n<figure>'
                    yield escape((undefined(name='chart') if l_2_chart is missing else l_2_chart))
                    yield '</figure>'
                if environment.getattr(l_2_state, 'assessments'):
                    pass
                    yield '\n<h4>Targets</h4>\n<div class="scroll"><table class="stack">\n<thead><tr><th>Target</th><th>Progress</th><th>Status</th><th>Source</th></tr></thead>\n<tbody>'
                    for l_3_a in environment.getattr(l_2_state, 'by_deadline'):
                        l_3_target_text = resolve('target_text')
                        l_3_status_style = resolve('status_style')
                        l_3_status_text = resolve('status_text')
                        _loop_vars = {}
                        pass
                        yield '\n<tr><td>'
                        yield escape(context.call((undefined(name='target_text') if l_3_target_text is missing else l_3_target_text), l_3_a, _loop_vars=_loop_vars))
                        if environment.getattr(environment.getattr(l_3_a, 'target'), 'label'):
                            pass
                            yield ' <span class="muted">'
                            yield escape(environment.getattr(environment.getattr(l_3_a, 'target'), 'label'))
                            yield '</span>'
                        yield '</td>\n<td data-label="Progress">'
                        yield escape(context.call((undefined(name='bar') if l_0_bar is missing else l_0_bar), environment.getattr(l_3_a, 'share'), _loop_vars=_loop_vars))
                        yield '</td>\n<td data-label="Status"><span class="status '
                        yield escape(context.call((undefined(name='status_style') if l_3_status_style is missing else l_3_status_style), environment.getattr(l_3_a, 'status'), _loop_vars=_loop_vars))
                        yield '">'
                        yield escape(context.call((undefined(name='status_text') if l_3_status_text is missing else l_3_status_text), l_3_a, _loop_vars=_loop_vars))
                        yield '</span>'
                        if environment.getattr(l_3_a, 'reason'):
                            pass
                            yield ' <span class="muted">('
                            yield escape(environment.getattr(l_3_a, 'reason'))
                            yield ')</span>'
                        yield '</td>\n<td>'
                        yield escape(context.call((undefined(name='quotes') if l_0_quotes is missing else l_0_quotes), context.call(environment.getattr(environment.getattr(l_3_a, 'target'), 'citations'), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
                        yield '</td></tr>'
                    l_3_a = l_3_target_text = l_3_status_style = l_3_status_text = missing
                    yield '\n</tbody></table></div>'
                l_2_observations = t_3(environment, environment.getattr((undefined(name='indicator') if l_2_indicator is missing else l_2_indicator), 'observations'), attribute='year,used')
                _loop_vars['observations'] = l_2_observations
                yield '\n<details'
                if (t_2((undefined(name='observations') if l_2_observations is missing else l_2_observations)) <= (undefined(name='fold') if l_2_fold is missing else l_2_fold)):
                    pass
                    yield ' open'
                yield '>\n<summary>Observations ('
                yield escape(t_2((undefined(name='observations') if l_2_observations is missing else l_2_observations)))
                yield ')</summary>\n<div class="scroll"><table class="stack">\n<thead><tr><th class="num">Year</th><th class="num">Value</th><th>Source and quote</th></tr></thead>\n<tbody>'
                for l_3_obs in (undefined(name='observations') if l_2_observations is missing else l_2_observations):
                    l_3_observed = resolve('observed')
                    l_3_notes = missing
                    _loop_vars = {}
                    pass
                    l_3_notes = (((([environment.getattr(environment.getattr(l_3_obs, 'status'), 'value')] if (environment.getattr(environment.getattr(l_3_obs, 'status'), 'value') != 'final') else []) + ([markup_join(('as of ', environment.getattr(l_3_obs, 'as_of'), ))] if environment.getattr(l_3_obs, 'as_of') else [])) + ([markup_join(('break in series: ', environment.getattr(l_3_obs, 'note'), ))] if environment.getattr(l_3_obs, 'series_break') else [])) + ([] if environment.getattr(l_3_obs, 'used') else ['superseded revision, not used']))
                    _loop_vars['notes'] = l_3_notes
                    yield '\n<tr><td class="num">'
                    yield escape(environment.getattr(l_3_obs, 'year'))
                    yield '</td>\n<td class="num" data-label="Value">'
                    yield escape(context.call((undefined(name='observed') if l_3_observed is missing else l_3_observed), (undefined(name='indicator') if l_2_indicator is missing else l_2_indicator), l_3_obs, with_unit=True, _loop_vars=_loop_vars))
                    if (undefined(name='notes') if l_3_notes is missing else l_3_notes):
                        pass
                        yield ' <span class="muted">('
                        yield escape(t_1(context.eval_ctx, (undefined(name='notes') if l_3_notes is missing else l_3_notes), ', '))
                        yield ')</span>'
                    yield '</td>\n<td>'
                    yield escape(context.call((undefined(name='quotes') if l_0_quotes is missing else l_0_quotes), context.call(environment.getattr(l_3_obs, 'citations'), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
                    yield '</td></tr>'
                l_3_obs = l_3_notes = l_3_observed = missing
                yield '\n</tbody></table></div>\n</details>\n</article>'
            l_2_state = l_2_indicator = l_2_unit = l_2_chart_of = l_2_chart = l_2_observations = l_2_fold = missing
            yield '\n</div>'
        l_1_rankings = context.call((undefined(name='rankings_of') if l_1_rankings_of is missing else l_1_rankings_of), environment.getattr(l_1_center, 'center'), _loop_vars=_loop_vars)
        _loop_vars['rankings'] = l_1_rankings
        if (undefined(name='rankings') if l_1_rankings is missing else l_1_rankings):
            pass
            yield '\n<h4>Among its peers</h4>\n<div class="cards">'
            for (l_2_standing, l_2_plot, l_2_chart) in (undefined(name='rankings') if l_1_rankings is missing else l_1_rankings):
                _loop_vars = {}
                pass
                yield '\n<article class="benchmark" id="benchmark-'
                yield escape(environment.getattr(environment.getattr(l_1_center, 'center'), 'value'))
                yield '-'
                yield escape(environment.getattr(environment.getattr(l_2_standing, 'benchmark'), 'id'))
                yield '">\n<h3>'
                yield escape(environment.getattr(environment.getattr(l_2_standing, 'benchmark'), 'name'))
                if environment.getattr(environment.getattr(l_2_standing, 'benchmark'), 'name_zh'):
                    pass
                    yield ' <span lang="zh">'
                    yield escape(environment.getattr(environment.getattr(l_2_standing, 'benchmark'), 'name_zh'))
                    yield '</span>'
                yield '</h3>\n<p class="description">'
                yield escape(environment.getattr(environment.getattr(l_2_standing, 'benchmark'), 'producer'))
                yield ' ranks '
                yield escape(environment.getattr(environment.getattr(l_2_standing, 'benchmark'), 'ranks'))
                yield '. Shanghai: <strong>'
                yield escape((environment.getattr(l_2_plot, 'latest') if l_2_plot else 'not placed in any edition'))
                yield '</strong>.</p>'
                if l_2_chart:
                    pass
                    yield '\n<figure>'
                    yield escape(l_2_chart)
                    yield '</figure>'
                yield '\n</article>'
            l_2_standing = l_2_plot = l_2_chart = missing
            yield '\n</div>'
        yield '\n</section>\n'
    l_1_center = l_1_outlook = l_1_rankings_of = l_1_rankings = missing
    yield '\n<section id="sources"><h2>Sources</h2><ol class="sources">'
    for l_1_source in (undefined(name='sources') if l_0_sources is missing else l_0_sources):
        l_1_web = resolve('web')
        _loop_vars = {}
        pass
        yield '\n<li id="source-'
        yield escape(environment.getattr(l_1_source, 'id'))
        yield '">'
        if context.call((undefined(name='web') if l_1_web is missing else l_1_web), environment.getattr(l_1_source, 'url'), _loop_vars=_loop_vars):
            pass
            yield '<a href="'
            yield escape(environment.getattr(l_1_source, 'url'))
            yield '">'
            yield escape(environment.getattr(l_1_source, 'title'))
            yield '</a>'
        else:
            pass
            yield escape(environment.getattr(l_1_source, 'title'))
        yield ' — '
        yield escape(environment.getattr(l_1_source, 'publisher'))
        if environment.getattr(l_1_source, 'published'):
            pass
            yield ', '
            yield escape(context.call(environment.getattr(environment.getattr(l_1_source, 'published'), 'isoformat'), _loop_vars=_loop_vars))
        if environment.getattr(l_1_source, 'document'):
            pass
            yield ', local copy: '
            yield escape(environment.getattr(l_1_source, 'document'))
        if (environment.getattr(l_1_source, 'url') and (not context.call((undefined(name='web') if l_1_web is missing else l_1_web), environment.getattr(l_1_source, 'url'), _loop_vars=_loop_vars))):
            pass
            yield ', '
            yield escape(environment.getattr(l_1_source, 'url'))
        yield '.'
        if environment.getattr(l_1_source, 'reliability'):
            pass
            yield ' <span class="muted">'
            yield escape(environment.getattr(l_1_source, 'reliability'))
            yield '</span>'
        yield '</li>'
    l_1_source = l_1_web = missing
    yield '\n</ol></section>\n<footer>Made by fc '
    yield escape((undefined(name='version') if l_0_version is missing else l_0_version))
    yield ' from '
    yield escape((undefined(name='data_name') if l_0_data_name is missing else l_0_data_name))
    yield '. Target statuses follow the Statistics Canada / Open SDG progress method: achieved, on track (R ≥ 0.95), moderate (R ≥ 0.60), limited (R ≥ 0), deterioration, missed, or not assessable.</footer>\n</main>\n</body>\n</html>\n'

blocks = {}
debug_info = '2=41&3=46&4=55&7=63&9=70&10=73&13=98&14=105&15=106&16=115&27=124&33=131&35=133&40=143&41=148&47=156&48=160&49=164&50=167&51=171&58=184&59=191&60=193&61=197&62=199&69=205&70=214&71=216&72=219&73=223&74=225&75=227&76=237&80=241&81=248&82=251&83=253&84=262&85=264&86=266&87=269&89=271&94=274&95=281&96=288&97=290&98=300&102=304&103=307&104=311&108=313&109=318&110=321&111=323&112=330&120=336&121=338&124=341&125=345&126=349&127=356&128=362&129=365&138=373&139=378&140=380&141=392&142=396&143=400&144=405&147=413'