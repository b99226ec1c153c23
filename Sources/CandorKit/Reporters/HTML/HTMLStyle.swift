/// Colours, labels and the stylesheet of the HTML report.
enum HTMLStyle {
    /// Background, border and a short code per category; the code is the non-colour cue.
    static func look(_ category: Category) -> (background: String, border: String, code: String) {
        switch category {
        case .hedging: ("#fff3c4", "#8a6d00", "H")
        case .unsourced: ("#ffd9d6", "#a3271b", "U")
        case .socialProof: ("#f0dcff", "#6b2f99", "S")
        case .puffery: ("#d6f3ff", "#0b5e80", "P")
        case .disclaimer: ("#e3e6ff", "#2f3b99", "D")
        case .bias: ("#ffe0c2", "#8f4500", "B")
        case .sponsorship: ("#fff0a8", "#6b5b00", "SP")
        case .transparency: ("#d8f5dc", "#1e6b2c", "T")
        }
    }

    static var css: String {
        var rules = """
            :root { color-scheme: light; }
            body { font: 16px/1.55 Georgia, 'DejaVu Serif', serif; color: #1b1b1b; background: #fafafa; margin: 0; }
            main { max-width: 1100px; margin: 0 auto; padding: 24px; }
            h1, h2, h3, th, .ui { font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; }
            h1 { font-size: 1.6rem; margin: 0 0 4px; } h2 { font-size: 1.3rem; margin-top: 40px; }
            .muted { color: #4a4a4a; }
            .top { display: flex; gap: 24px; align-items: flex-start; flex-wrap: wrap; }
            .card { background: #fff; border: 1px solid #d0d0d0; border-radius: 8px; padding: 16px; }
            .article { white-space: pre-wrap; background: #fff; border: 1px solid #d0d0d0; border-radius: 8px;
              padding: 20px 24px; margin-top: 16px; overflow-wrap: anywhere; }
            mark { background: none; color: inherit; padding: 0 1px; border-bottom: 2px solid; cursor: help; position: relative; }
            mark:focus { outline: 3px solid #1a5fb4; outline-offset: 1px; }
            mark .code { font: bold 0.65em 'DejaVu Sans', Arial, sans-serif; vertical-align: super; margin-left: 1px; }
            mark .note { display: none; position: absolute; left: 0; top: 1.6em; z-index: 5; width: min(380px, 80vw);
              background: #fff; color: #1b1b1b; border: 1px solid #555; border-radius: 6px; padding: 10px 12px;
              font: 14px/1.4 'DejaVu Sans', Arial, sans-serif; white-space: normal; box-shadow: 0 4px 14px rgba(0,0,0,.2); }
            mark:hover .note, mark:focus .note, mark:focus-within .note { display: block; }
            mark.signal { border-bottom-style: double; }
            table { border-collapse: collapse; width: 100%; background: #fff; font-size: 0.92rem; }
            th, td { border: 1px solid #d0d0d0; padding: 6px 8px; text-align: left; vertical-align: top; }
            th { background: #eee; }
            .sorter input { position: absolute; opacity: 0; }
            .sorter label { display: inline-block; border: 1px solid #888; border-radius: 4px; padding: 2px 10px; margin: 0 4px 8px 0; cursor: pointer; }
            .sorter input:focus-visible + label { outline: 3px solid #1a5fb4; }
            .sorter input:checked + label { background: #1b1b1b; color: #fff; }
            .sorted { display: none; }
            input.s-line:checked ~ .by-line, input.s-category:checked ~ .by-category, input.s-severity:checked ~ .by-severity { display: block; }
            .legend span { display: inline-block; margin: 0 12px 6px 0; padding: 0 6px; border-bottom: 2px solid; }
            .checks li { margin-bottom: 4px; }
            svg text { font-family: 'DejaVu Sans', Arial, sans-serif; }
            @media print { mark .note { display: none !important; } .sorter { display: none; } .sorted { display: none; }
              .by-line { display: block !important; } body { background: #fff; } }

            """
        for category in Category.allCases {
            let look = look(category)
            rules += ".c-\(category.rawValue) { background: \(look.background); border-color: \(look.border); }\n"
        }
        rules += "mark.c-hedging { border-bottom-style: dotted; } mark.c-unsourced { border-bottom-style: solid; }\n"
        rules += "mark.c-social-proof { border-bottom-style: dashed; } mark.c-bias { border-bottom-style: dashed; }\n"
        return rules
    }
}
