//! A minimal ratatui app (a list, redrawn on every key, `q` quits): the baseline the
//! benchmark compares the real interface with. It is the benchmark's own binary started again
//! (`perf minimal-app`), so it is built with the same release profile and by a plain
//! `cargo bench`, and is no part of the program.
use anyhow::Result;
use crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, List, ListState};

pub fn run() -> Result<()> {
    let mut terminal = ratatui::try_init()?;
    let items: Vec<String> = (1..=20).map(|i| format!("Item {i}")).collect();
    let mut state = ListState::default().with_selected(Some(0));
    let result = (|| -> Result<()> {
        loop {
            terminal.draw(|f| {
                let area = f.area();
                let list = List::new(items.iter().map(|s| Line::from(s.as_str())))
                    .block(
                        Block::default()
                            .borders(Borders::ALL)
                            .title(" Minimal list "),
                    )
                    .highlight_symbol("> ");
                let [top, bottom] = ratatui::layout::Layout::vertical([
                    ratatui::layout::Constraint::Min(1),
                    ratatui::layout::Constraint::Length(1),
                ])
                .areas(area);
                f.render_stateful_widget(list, top, &mut state);
                f.render_widget(ratatui::widgets::Paragraph::new("q quit  j/k move"), bottom);
            })?;
            if let Event::Key(k) = event::read()?
                && k.kind == KeyEventKind::Press
            {
                match k.code {
                    KeyCode::Char('q') => return Ok(()),
                    KeyCode::Char('j') | KeyCode::Down => state.select_next(),
                    KeyCode::Char('k') | KeyCode::Up => state.select_previous(),
                    _ => {}
                }
            }
        }
    })();
    ratatui::restore();
    result
}
