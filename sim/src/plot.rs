//! Line charts as SVG, written by hand (no font or system library): axes with ticks and
//! labels, units in the axis titles, a legend. Numbers are formatted with fixed precision so
//! that the same data always give the same bytes. Long series are thinned to at most
//! [`MAX_POINTS`] points per line.
use std::fmt::Write;

/// Most points drawn per line.
pub const MAX_POINTS: usize = 600;

/// One curve.
pub struct Line {
    /// Legend label.
    pub label: String,
    /// (x, y) points, x increasing.
    pub points: Vec<(f64, f64)>,
}

const W: f64 = 760.0;
const H: f64 = 420.0;
const LEFT: f64 = 78.0;
const RIGHT: f64 = 170.0;
const TOP: f64 = 36.0;
const BOTTOM: f64 = 52.0;
const COLOURS: [&str; 10] =
    ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

/// A "nice" tick step for a span, about `n` ticks.
fn tick_step(span: f64, n: f64) -> f64 {
    let raw = span / n;
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let nice = if norm < 1.5 { 1.0 } else if norm < 3.0 { 2.0 } else if norm < 7.0 { 5.0 } else { 10.0 };
    nice * mag
}

fn label(v: f64, step: f64) -> String {
    let decimals = if step >= 1.0 { 0 } else { (-step.log10().floor()) as usize };
    let s = format!("{v:.decimals$}");
    if s == "-0" { "0".into() } else { s }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn thin(points: &[(f64, f64)]) -> Vec<(f64, f64)> {
    if points.len() <= MAX_POINTS {
        return points.to_vec();
    }
    let k = points.len().div_ceil(MAX_POINTS);
    let mut out: Vec<(f64, f64)> = points.iter().step_by(k).copied().collect();
    if let Some(last) = points.last() {
        if out.last() != Some(last) {
            out.push(*last);
        }
    }
    out
}

/// The SVG document of a chart.
pub fn svg(title: &str, x_title: &str, y_title: &str, lines: &[Line]) -> String {
    let all = lines.iter().flat_map(|l| l.points.iter());
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for (x, y) in all {
        if x.is_finite() && y.is_finite() {
            x0 = x0.min(*x);
            x1 = x1.max(*x);
            y0 = y0.min(*y);
            y1 = y1.max(*y);
        }
    }
    if x0 > x1 {
        (x0, x1, y0, y1) = (0.0, 1.0, 0.0, 1.0);
    }
    if x1 - x0 <= 0.0 {
        x1 = x0 + 1.0;
    }
    // Leave some room above and below; keep 0 in view for non-negative data near it.
    let pad = ((y1 - y0).abs() * 0.08).max(y1.abs() * 1e-6).max(1e-12);
    let (mut y0, mut y1) = (y0 - pad, y1 + pad);
    if y0 < 0.0 && lines.iter().all(|l| l.points.iter().all(|p| p.1 >= 0.0)) {
        y0 = 0.0;
    }
    if y1 - y0 <= 0.0 {
        y1 = y0 + 1.0;
    }
    let (pw, ph) = (W - LEFT - RIGHT, H - TOP - BOTTOM);
    let sx = |x: f64| LEFT + (x - x0) / (x1 - x0) * pw;
    let sy = |y: f64| TOP + ph - (y - y0) / (y1 - y0) * ph;
    let mut s = String::new();
    let _ = writeln!(s, r#"<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="sans-serif" font-size="12">"#);
    let _ = writeln!(s, r#"<rect width="{W}" height="{H}" fill="white"/>"#);
    let _ = writeln!(s, r#"<text x="{:.1}" y="22" text-anchor="middle" font-size="15">{}</text>"#, LEFT + pw / 2.0, escape(title));
    // Grid and ticks.
    let xs = tick_step(x1 - x0, 6.0);
    let mut t = (x0 / xs).ceil() * xs;
    while t <= x1 + xs * 1e-9 {
        let x = sx(t);
        let _ = writeln!(s, r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="#e5e5e5"/>"##, TOP, TOP + ph);
        let _ = writeln!(s, r#"<text x="{x:.1}" y="{:.1}" text-anchor="middle">{}</text>"#, TOP + ph + 16.0, label(t, xs));
        t += xs;
    }
    let ys = tick_step(y1 - y0, 6.0);
    let mut t = (y0 / ys).ceil() * ys;
    while t <= y1 + ys * 1e-9 {
        let y = sy(t);
        let _ = writeln!(s, r##"<line x1="{LEFT:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#e5e5e5"/>"##, LEFT + pw);
        let _ = writeln!(s, r#"<text x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#, LEFT - 6.0, y + 4.0, label(t, ys));
        t += ys;
    }
    let _ = writeln!(s, r#"<rect x="{LEFT:.1}" y="{TOP:.1}" width="{pw:.1}" height="{ph:.1}" fill="none" stroke="black"/>"#);
    let _ = writeln!(s, r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#, LEFT + pw / 2.0, H - 12.0, escape(x_title));
    let _ = writeln!(
        s,
        r#"<text x="16" y="{:.1}" text-anchor="middle" transform="rotate(-90 16 {:.1})">{}</text>"#,
        TOP + ph / 2.0,
        TOP + ph / 2.0,
        escape(y_title)
    );
    for (i, line) in lines.iter().enumerate() {
        let colour = COLOURS[i % COLOURS.len()];
        let dash = if i >= COLOURS.len() { r#" stroke-dasharray="5 3""# } else { "" };
        let mut d = String::new();
        for (x, y) in thin(&line.points) {
            if x.is_finite() && y.is_finite() {
                let _ = write!(d, "{:.1},{:.1} ", sx(x), sy(y));
            }
        }
        let _ = writeln!(s, r#"<polyline fill="none" stroke="{colour}" stroke-width="1.6"{dash} points="{}"/>"#, d.trim_end());
        let ly = TOP + 10.0 + 18.0 * i as f64;
        let lx = LEFT + pw + 12.0;
        let _ = writeln!(s, r#"<line x1="{lx:.1}" y1="{ly:.1}" x2="{:.1}" y2="{ly:.1}" stroke="{colour}" stroke-width="2.5"{dash}/>"#, lx + 22.0);
        let _ = writeln!(s, r#"<text x="{:.1}" y="{:.1}">{}</text>"#, lx + 28.0, ly + 4.0, escape(&line.label));
    }
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_numbers() {
        assert_eq!(tick_step(7200.0, 6.0), 1000.0);
        assert_eq!(tick_step(1.0, 6.0), 0.2);
        assert_eq!(label(0.4, 0.2), "0.4");
        assert_eq!(label(2000.0, 1000.0), "2000");
    }

    #[test]
    fn a_chart_has_its_title_axes_and_legend() {
        let line = Line { label: "SN1 <a>".into(), points: vec![(0.0, 1.0), (10.0, 2.0)] };
        let s = svg("Price", "block", "price (TAO/alpha)", &[line]);
        assert!(s.starts_with("<svg"));
        assert!(s.contains(">Price</text>"));
        assert!(s.contains(">block</text>"));
        assert!(s.contains(">price (TAO/alpha)</text>"));
        assert!(s.contains("SN1 &lt;a&gt;"));
        assert_eq!(s.matches("<polyline").count(), 1);
    }

    #[test]
    fn long_series_are_thinned_keeping_the_last_point() {
        let points: Vec<(f64, f64)> = (0..10_000).map(|i| (i as f64, 0.0)).collect();
        let t = thin(&points);
        assert!(t.len() <= MAX_POINTS + 1);
        assert_eq!(t.last(), Some(&(9_999.0, 0.0)));
    }
}
