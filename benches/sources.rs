//! Reading the saved invitation page and an mbox, against the work any
//! reader of them must do: a whole HTML parse into a tree (scraper) for the
//! page, and a MIME parse of each message (mail-parser, on the file cut at
//! its blank-line "From " separators) for the mbox.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use time::macros::datetime;

use inviteq::import::{mail, page};

const CARDS: [usize; 2] = [200, 5_000];

const PAGE: &str = include_str!("../tests/fixtures/page/ember-html-only.html");
const MBOX: &str = include_str!("../tests/fixtures/mail/invitations.mbox");

/// A saved page with `count` cards: the fixture's first card again and
/// again, each with an address of its own.
fn page_of(count: usize) -> String {
    let start = PAGE
        .find("<li class=\"invitation-card")
        .expect("the fixture has cards");
    let end = start + PAGE[start..].find("</li>").expect("a card ends") + "</li>".len();
    let card = &PAGE[start..end];
    let mut page = String::with_capacity(PAGE.len() + card.len() * count);
    page.push_str(&PAGE[..start]);
    for n in 0..count {
        page.push_str(&card.replace("mara-quist-7b21a9", &format!("mara-quist-{n}")));
    }
    page.push_str(&PAGE[start..]);
    page
}

/// The fixture mbox, `copies` times over.
fn mbox_of(copies: usize) -> String {
    let mut mbox = String::with_capacity(MBOX.len() * copies);
    for _ in 0..copies {
        mbox.push_str(MBOX);
        mbox.push('\n');
    }
    mbox
}

fn saved_page(c: &mut Criterion) {
    let mut group = c.benchmark_group("saved page");
    group.sample_size(10);
    for count in CARDS {
        let html = page_of(count);
        group.throughput(Throughput::Bytes(html.len() as u64));
        group.bench_with_input(BenchmarkId::new("page::read", count), &html, |b, html| {
            b.iter(|| page::read(black_box(html), datetime!(2026-11-28 09:00 UTC)))
        });
        group.bench_with_input(
            BenchmarkId::new("scraper tree, parse only", count),
            &html,
            |b, html| b.iter(|| scraper::Html::parse_document(black_box(html))),
        );
    }
    group.finish();
}

fn mailbox(c: &mut Criterion) {
    let mut group = c.benchmark_group("mbox");
    group.sample_size(10);
    for copies in [10, 200] {
        let mbox = mbox_of(copies);
        group.throughput(Throughput::Bytes(mbox.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("mail::read_mbox_from", copies),
            &mbox,
            |b, mbox| b.iter(|| mail::read_mbox_from(black_box(mbox.as_bytes()))),
        );
        group.bench_with_input(
            BenchmarkId::new("mail-parser on each message", copies),
            &mbox,
            |b, mbox| {
                b.iter(|| {
                    let parser = mail_parser::MessageParser::default();
                    mbox.split("\n\nFrom ")
                        .filter_map(|m| parser.parse(black_box(m.as_bytes())))
                        .count()
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, saved_page, mailbox);
criterion_main!(benches);
