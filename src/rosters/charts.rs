//! SVG charts of roster numbers, rendered on the server with plotters' SVG backend: no
//! JavaScript, no fonts (labels are `<text>` elements the viewer renders), no network.
//! Pure code: data in, an SVG document out.

use plotters::prelude::*;

/// One line: a name for the legend and its points (week index, value). Weeks without a
/// value break the line.
#[derive(Debug, Clone)]
pub struct Series {
    pub name: String,
    pub points: Vec<Option<f64>>,
}

/// A horizontal reference line (e.g. the 0.80 healthy threshold).
#[derive(Debug, Clone)]
pub struct Threshold {
    pub value: f64,
    pub label: String,
}

pub struct LineChart<'a> {
    pub title: &'a str,
    pub y_label: &'a str,
    /// One label per week (the x axis).
    pub x_labels: &'a [String],
    pub series: &'a [Series],
    pub thresholds: &'a [Threshold],
    /// The y range; widened to include every value.
    pub y_range: (f64, f64),
}

/// Series colours, in order (threshold colours are not among them).
pub const PALETTE: [RGBColor; 8] = [
    RGBColor(0x1F, 0x77, 0xB4),
    RGBColor(0xFF, 0x7F, 0x0E),
    RGBColor(0x94, 0x67, 0xBD),
    RGBColor(0x8C, 0x56, 0x4B),
    RGBColor(0xE3, 0x77, 0xC2),
    RGBColor(0x7F, 0x7F, 0x7F),
    RGBColor(0xBC, 0xBD, 0x22),
    RGBColor(0x17, 0xBE, 0xCF),
];

/// Threshold colours: the first (healthy) green, the second (corrective) red.
pub const THRESHOLD_COLOURS: [RGBColor; 2] =
    [RGBColor(0x2C, 0xA0, 0x2C), RGBColor(0xD6, 0x27, 0x28)];

/// `#RRGGBB` of a colour, as the SVG carries it.
pub fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// The colour of the `i`-th series.
pub fn colour(i: usize) -> RGBColor {
    PALETTE[i % PALETTE.len()]
}

/// Runs of consecutive weeks with a finite value.
fn segments(points: &[Option<f64>]) -> Vec<Vec<(f64, f64)>> {
    let mut out = Vec::new();
    let mut run = Vec::new();
    for (i, p) in points.iter().enumerate() {
        match p {
            Some(v) if v.is_finite() => run.push((i as f64, *v)),
            _ => {
                if !run.is_empty() {
                    out.push(std::mem::take(&mut run));
                }
            }
        }
    }
    if !run.is_empty() {
        out.push(run);
    }
    out
}

/// Renders a line chart as an SVG document.
pub fn line_chart(c: &LineChart<'_>) -> Result<String, String> {
    let err = |e: &dyn std::fmt::Display| e.to_string();
    let values = c
        .series
        .iter()
        .flat_map(|s| s.points.iter().flatten())
        .chain(c.thresholds.iter().map(|t| &t.value))
        .copied()
        .filter(|v| v.is_finite());
    let (mut lo, mut hi) = c.y_range;
    for v in values {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if hi - lo < 1e-9 {
        hi = lo + 1.0;
    }
    let last = c.x_labels.len().saturating_sub(1) as f64;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (960, 520)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| err(&e))?;
        let mut chart = ChartBuilder::on(&root)
            .caption(c.title, ("sans-serif", 20))
            .margin(18)
            .x_label_area_size(44)
            .y_label_area_size(60)
            .build_cartesian_2d(-0.3f64..last + 0.3, lo..hi)
            .map_err(|e| err(&e))?;
        let labels = c.x_labels.to_vec();
        let formatter = move |x: &f64| -> String {
            let i = x.round();
            if (x - i).abs() < 1e-6 && i >= 0.0 {
                labels.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        };
        chart
            .configure_mesh()
            .x_labels(c.x_labels.len().clamp(2, 14))
            .x_label_formatter(&formatter)
            .x_desc("week (UTC, from Monday)")
            .y_desc(c.y_label)
            .light_line_style(WHITE.mix(0.0))
            .draw()
            .map_err(|e| err(&e))?;
        for (i, t) in c.thresholds.iter().enumerate() {
            let colour = THRESHOLD_COLOURS[i % THRESHOLD_COLOURS.len()];
            chart
                .draw_series(LineSeries::new(
                    vec![(-0.3, t.value), (last + 0.3, t.value)],
                    colour.stroke_width(1),
                ))
                .map_err(|e| err(&e))?
                .label(t.label.clone())
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], colour));
        }
        for (i, s) in c.series.iter().enumerate() {
            let colour = colour(i);
            for (k, seg) in segments(&s.points).into_iter().enumerate() {
                chart
                    .draw_series(seg.iter().map(|p| Circle::new(*p, 3, colour.filled())))
                    .map_err(|e| err(&e))?;
                let drawn = chart
                    .draw_series(LineSeries::new(seg, colour.stroke_width(2)))
                    .map_err(|e| err(&e))?;
                if k == 0 {
                    drawn.label(s.name.clone()).legend(move |(x, y)| {
                        PathElement::new(vec![(x, y), (x + 20, y)], colour.stroke_width(2))
                    });
                }
            }
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::LowerRight)
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .draw()
            .map_err(|e| err(&e))?;
        root.present().map_err(|e| err(&e))?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_break_lines_and_non_finite_values_are_dropped() {
        let s = segments(&[
            Some(0.5),
            None,
            Some(0.7),
            Some(f64::NAN),
            Some(0.9),
            Some(1.0),
        ]);
        assert_eq!(
            s,
            vec![
                vec![(0.0, 0.5)],
                vec![(2.0, 0.7)],
                vec![(4.0, 0.9), (5.0, 1.0)]
            ]
        );
    }

    #[test]
    fn a_chart_has_one_polyline_per_segment_and_threshold_and_the_legend_names_them() {
        let labels: Vec<String> = ["Mar 02", "Mar 09", "Mar 16"].map(String::from).to_vec();
        let series = [
            Series {
                name: "expert-a".into(),
                points: vec![Some(0.8), Some(0.85), Some(0.9)],
            },
            Series {
                name: "expert-b".into(),
                points: vec![Some(0.6), None, Some(0.7)],
            },
        ];
        let thresholds = [
            Threshold {
                value: 0.8,
                label: "0.80 healthy".into(),
            },
            Threshold {
                value: 0.75,
                label: "0.75 corrective".into(),
            },
        ];
        let svg = line_chart(&LineChart {
            title: "Gold accuracy",
            y_label: "lower bound",
            x_labels: &labels,
            series: &series,
            thresholds: &thresholds,
            y_range: (0.0, 1.0),
        })
        .unwrap();
        assert!(svg.starts_with("<svg"), "{}", &svg[..80]);
        let strokes: Vec<&str> = svg
            .match_indices("<polyline")
            .map(|(i, _)| {
                let rest = &svg[i..];
                let s = rest.find("stroke=\"").unwrap() + 8;
                &rest[s..s + 7]
            })
            .collect();
        let count = |c: RGBColor| strokes.iter().filter(|s| **s == hex(c)).count();
        // Line plus legend sample each.
        assert_eq!(count(colour(0)), 2, "{strokes:?}");
        assert_eq!(
            count(colour(1)),
            3,
            "two segments and the legend: {strokes:?}"
        );
        assert_eq!(count(THRESHOLD_COLOURS[0]), 2);
        assert_eq!(count(THRESHOLD_COLOURS[1]), 2);
        for text in [
            "expert-a",
            "expert-b",
            "0.80 healthy",
            "0.75 corrective",
            "Mar 09",
            "Gold accuracy",
        ] {
            assert!(svg.contains(text), "{text}");
        }
    }
}

/// One category of an interval chart: a point with its interval.
#[derive(Debug, Clone)]
pub struct Interval {
    pub name: String,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

/// Renders points with their intervals (one colour per category) as an SVG document:
/// each category is a vertical whisker from `low` to `high` with a dot at `value`.
pub fn interval_chart(title: &str, y_label: &str, items: &[Interval]) -> Result<String, String> {
    let err = |e: &dyn std::fmt::Display| e.to_string();
    let last = items.len().saturating_sub(1) as f64;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (960, 520)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| err(&e))?;
        let mut chart = ChartBuilder::on(&root)
            .caption(title, ("sans-serif", 20))
            .margin(18)
            .x_label_area_size(44)
            .y_label_area_size(60)
            .build_cartesian_2d(-0.5f64..last + 0.5, 0f64..1f64)
            .map_err(|e| err(&e))?;
        let names: Vec<String> = items.iter().map(|i| i.name.clone()).collect();
        let formatter = move |x: &f64| -> String {
            let i = x.round();
            if (x - i).abs() < 1e-6 && i >= 0.0 {
                names.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        };
        chart
            .configure_mesh()
            .x_labels(items.len().max(2))
            .x_label_formatter(&formatter)
            .y_desc(y_label)
            .light_line_style(WHITE.mix(0.0))
            .draw()
            .map_err(|e| err(&e))?;
        for (i, it) in items.iter().enumerate() {
            let colour = colour(i);
            let x = i as f64;
            let (Some(v), Some(lo), Some(hi)) = (it.value, it.low, it.high) else {
                continue;
            };
            if !(v.is_finite() && lo.is_finite() && hi.is_finite()) {
                continue;
            }
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(x, lo), (x, hi)],
                    colour.stroke_width(2),
                )))
                .map_err(|e| err(&e))?
                .label(format!("{}: {v:.3} [{lo:.3}, {hi:.3}]", it.name))
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 20, y)], colour.stroke_width(2))
                });
            chart
                .draw_series(std::iter::once(Circle::new((x, v), 5, colour.filled())))
                .map_err(|e| err(&e))?;
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::LowerRight)
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .draw()
            .map_err(|e| err(&e))?;
        root.present().map_err(|e| err(&e))?;
    }
    Ok(svg)
}
