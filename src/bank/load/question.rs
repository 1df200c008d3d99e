//! Compiling a question: its kind, options, branches and default, and the check that no
//! branch leads back to a question already asked.
use super::*;

/// The built-in options of yes/no questions; their labels are interface text.
fn yes_no_options(with_unknown: bool) -> Vec<AnswerOption> {
    let mut v = vec![opt("yes", "Ja", "Yes"), opt("no", "Nee", "No")];
    if with_unknown {
        v.push(opt("unknown", "Weet ik niet", "I don't know"));
    }
    v
}

fn opt(id: &str, nl: &str, en: &str) -> AnswerOption {
    AnswerOption {
        id: id.to_string(),
        label: Text {
            nl: nl.to_string(),
            en: en.to_string(),
        },
        exclusive: false,
        remedy: true,
        instead_of: 0,
    }
}

impl Compiler {
    pub(super) fn question(&mut self, qid: QId, file: &str, q: source::Question) -> Question {
        let kind = self.options[qid].0;
        let place = Place::item(file, Noun::Question, &q.id);
        let options = match kind {
            Kind::YesNo | Kind::YesNoUnknown | Kind::Text => {
                if !q.options.is_empty() {
                    self.defect(&place, DefectKind::OptionsNotExpected { kind });
                }
                match kind {
                    Kind::Text => Vec::new(),
                    _ => yes_no_options(kind == Kind::YesNoUnknown),
                }
            }
            Kind::Single | Kind::Multiple => {
                if q.options.len() < 2 {
                    self.defect(&place, DefectKind::TooFewOptions);
                }
                if q.options.len() > 64 {
                    self.defect(&place, DefectKind::TooManyOptions);
                }
                for (i, o) in q.options.iter().enumerate() {
                    if q.options[..i].iter().any(|p| p.id == o.id) {
                        self.defect(
                            &place,
                            DefectKind::OptionTwice {
                                option: o.id.clone(),
                            },
                        );
                    }
                    if o.exclusive && kind != Kind::Multiple {
                        self.defect(
                            &place,
                            DefectKind::ExclusiveNotMultiple {
                                option: o.id.clone(),
                            },
                        );
                    }
                }
                let ids: Vec<String> = q.options.iter().map(|o| o.id.clone()).collect();
                let mut options = Vec::with_capacity(q.options.len());
                for o in q.options {
                    let mut instead_of = 0u64;
                    for other in &o.instead_of {
                        match ids.iter().position(|x| x == other) {
                            Some(i) if kind == Kind::Multiple && i < 64 => instead_of |= 1 << i,
                            Some(_) => self.defect(
                                &place,
                                DefectKind::InsteadOfNotMultiple {
                                    option: o.id.clone(),
                                },
                            ),
                            None => self.defect(
                                &place,
                                DefectKind::UnknownInsteadOf {
                                    option: o.id.clone(),
                                    other: other.clone(),
                                },
                            ),
                        }
                    }
                    options.push(AnswerOption {
                        id: o.id,
                        label: o.label,
                        exclusive: o.exclusive,
                        remedy: o.remedy,
                        instead_of,
                    });
                }
                options
            }
        };
        if q.next.is_empty() {
            self.defect(&place, DefectKind::NextEmpty);
        }
        let next = q
            .next
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let at = place.then(format!("next[{i}]"));
                let to = if b.to == "end" {
                    Target::End
                } else if let Some(&t) = self.questions.get(&b.to) {
                    Target::Question(t)
                } else {
                    self.defect(
                        &at.key("to"),
                        DefectKind::Unknown {
                            noun: Noun::Question,
                            id: b.to.clone(),
                            known: None,
                        },
                    );
                    Target::End
                };
                let when = match &b.when {
                    Some(v) => self.cond(v, &at.key("when")),
                    None => Cond::True,
                };
                Branch { when, to }
            })
            .collect();
        if q.choice && kind == Kind::Text {
            self.defect(&place, DefectKind::ChoiceOnText);
        }
        let justification = q.justification.map(|j| {
            if kind == Kind::Text {
                self.defect(&place, DefectKind::JustificationOnText);
            }
            if j.prompt.nl.trim().is_empty() {
                self.defect(
                    &place.then("justification"),
                    DefectKind::JustificationNoPrompt,
                );
            }
            Justification {
                prompt: j.prompt,
                help: j.help,
            }
        });
        let mut question = Question {
            justification,
            help_parts: self.text_parts(q.help_parts, &place.then("help_parts")),
            choice: q.choice,
            remedy_weight: q.remedy_weight,
            id: q.id,
            kind,
            prompt: q.prompt,
            help: q.help,
            reasoning: q.reasoning,
            sources: q.sources,
            options,
            default: None,
            next,
            file: file.to_string(),
        };
        if let Some(d) = &q.default {
            match question.parse_answer(d) {
                Ok(a) => question.default = Some(a),
                Err(e) => self.defect(&place, DefectKind::BadDefault(e)),
            }
        }
        question
    }

    /// The questions with their `next` branches must form a graph without cycles, or a walk
    /// could go on for ever.
    pub(super) fn check_cycles(&mut self, questions: &IdSlice<QId, Question>) {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Busy,
            Done,
        }
        let mut mark: Ids<QId, Mark> = vec![Mark::New; questions.len()].into();
        let mut found: Vec<Defect> = Vec::new();
        for root in questions.keys() {
            if mark[root] != Mark::New {
                continue;
            }
            // Iterative depth-first search; `stack` holds (question, next branch to follow).
            let mut stack: Vec<(QId, usize)> = vec![(root, 0)];
            mark[root] = Mark::Busy;
            while let Some(&mut (q, ref mut i)) = stack.last_mut() {
                if let Some(b) = questions[q].next.get(*i) {
                    *i += 1;
                    if let Target::Question(t) = b.to {
                        match mark[t] {
                            Mark::New => {
                                mark[t] = Mark::Busy;
                                stack.push((t, 0));
                            }
                            Mark::Busy => {
                                let from = stack.iter().position(|(s, _)| *s == t).unwrap_or(0);
                                let mut chain: Vec<String> = stack[from..]
                                    .iter()
                                    .map(|(s, _)| questions[*s].id.clone())
                                    .collect();
                                chain.push(questions[t].id.clone());
                                found.push(Defect {
                                    place: Place::file(&questions[t].file),
                                    kind: DefectKind::QuestionCycle { chain },
                                });
                            }
                            Mark::Done => {}
                        }
                    }
                } else {
                    mark[q] = Mark::Done;
                    stack.pop();
                }
            }
        }
        self.defects.extend(found);
    }
}
