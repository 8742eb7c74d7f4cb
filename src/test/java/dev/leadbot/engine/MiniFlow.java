package dev.leadbot.engine;

import dev.leadbot.flow.Flow;
import dev.leadbot.testing.Flows;

/** A small flow with every node kind, used across the engine tests. */
final class MiniFlow {

    static final String YAML = """
            language: en
            phone_region: RU
            start: hello
            summary: {name: who, phone: phone, email: email}
            texts:
              use_buttons: Use the buttons, please.
              not_understood: Sorry, which one?
            nodes:
              hello:
                type: message
                text: "Hi {name}!"
                next: color
              color:
                type: choice
                text: Which color?
                options:
                  - {id: red, label: Red, score: 10, tags: [warm], next: extras}
                  - {id: blue, label: {en: Blue, ru: Синий}, score: 1, tags: [cold]}
                next: extras
              extras:
                type: multi_select
                text: "Extras for {color}?"
                min: 1
                max: 2
                done: Done
                options:
                  - {id: apple, label: Apple, score: 5, tags: [fruit]}
                  - {id: banana, label: Banana, score: 3, tags: [fruit]}
                  - {id: cherry, label: Cherry, score: 1}
                next: consent
              consent:
                type: choice
                text: May we contact you?
                options:
                  - {id: agree, label: Agree, consent: given}
                  - {id: decline, label: Not now, consent: declined, next: bye}
                next:
                  - if: {color: red}
                    goto: who
                  - goto: phone
              who:
                type: input
                text: Your name?
                min_length: 2
                max_length: 10
                next: phone
              phone:
                type: input
                kind: phone
                text: Your phone?
                next: email
              email:
                type: input
                kind: email
                text: Your e-mail?
                reask: That e-mail looks wrong.
                next: age
              age:
                type: input
                kind: number
                text: Your age?
                min: 18
                max: 99
                next: bye
              bye:
                type: end
                text: "Thanks! You picked {extras}."
            """;

    static final Flow FLOW = Flows.parse(YAML);

    private MiniFlow() {
    }

    static ScriptedChat chat() {
        return new ScriptedChat(FLOW);
    }
}
