package dev.leadbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.flow.Flow;
import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Lead;
import dev.leadbot.testing.Flows;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The customer's flow (flows/qualification.yaml) walked along every path it has. */
class QualificationFlowTest {

    private static final Flow FLOW = Flows.qualification();

    private static final String ROLE_QUESTION = "Чтобы я мог говорить с вами на одном языке, подскажите, какой вариант вас лучше описывает?";
    private static final String CONTACT_INTRO = "Давайте обсудим ваш проект. Я задам три коротких вопроса о том, как с вами связаться."
            + " Нажимая «Продолжить», вы соглашаетесь на обработку персональных данных для ответа на вашу заявку;"
            + " удалить их можно в любой момент командой /forget.";

    /** Sphere, its tag, pain, its score and tags, and the mini-case it leads to. */
    static Stream<Arguments> ownerPaths() {
        return Stream.of(
                Arguments.of("goods", "ecommerce", "orders", 30, List.of("hot", "sales"), "case_orders"),
                Arguments.of("goods", "ecommerce", "faq", 20, List.of("support"), "case_faq"),
                Arguments.of("goods", "ecommerce", "reviews", 10, List.of("loyalty"), "case_loyalty"),
                Arguments.of("info", "infobiz", "warmup", 30, List.of("hot", "sales"), "case_warmup"),
                Arguments.of("info", "infobiz", "reminders", 20, List.of("retention"), "case_reminders"),
                Arguments.of("info", "infobiz", "community", 10, List.of("community"), "case_community"),
                Arguments.of("services", "services", "booking", 30, List.of("hot", "booking"), "case_booking"),
                Arguments.of("services", "services", "noshows", 20, List.of("retention"), "case_reminders"),
                Arguments.of("services", "services", "repeat", 10, List.of("loyalty"), "case_repeat"),
                Arguments.of("horeca", "horeca", "delivery", 30, List.of("hot", "sales"), "case_delivery"),
                Arguments.of("horeca", "horeca", "tables", 20, List.of("booking"), "case_tables"),
                Arguments.of("horeca", "horeca", "guests", 10, List.of("loyalty"), "case_loyalty"),
                Arguments.of("b2b", "b2b", "leads", 30, List.of("hot", "crm"), "case_leads"),
                Arguments.of("b2b", "b2b", "partners", 20, List.of("support"), "case_partners"),
                Arguments.of("b2b", "b2b", "catalog", 20, List.of("sales"), "case_catalog"),
                Arguments.of("other", "other_sphere", "requests", 30, List.of("hot", "crm"), "case_leads"),
                Arguments.of("other", "other_sphere", "questions", 20, List.of("support"), "case_faq"),
                Arguments.of("other", "other_sphere", "unsure", 10, List.of("consulting"), "case_consult"));
    }

    @ParameterizedTest(name = "owner in {0} who wants {2}")
    @MethodSource("ownerPaths")
    void anOwnerIsAskedThePainOfTheirSphereShownTheMatchingCaseAndLeavesAContact(
            String sphere, String sphereTag, String pain, int painScore, List<String> painTags, String miniCase) {
        ScriptedChat chat = new ScriptedChat(FLOW).start("vk_ads").choose("owner", sphere);
        assertEquals("Что для вас сейчас важнее всего?", chat.texts().get(1));
        assertEquals("pain_" + sphere, chat.state().node());

        chat.choose(pain);
        assertEquals(text(miniCase) + "\n\n" + CONTACT_INTRO, chat.texts().get(1));

        Lead lead = leaveContact(chat).lead().orElseThrow();
        List<String> tags = new ArrayList<>(List.of("owner", sphereTag));
        tags.addAll(painTags);
        assertEquals(20 + painScore, lead.score());
        assertEquals(tags, lead.tags());
        assertEquals(List.of("role", "sphere", "pain", "consent", "contact_name", "channel", "phone", "contact_time"), variables(lead));
        assertEquals(List.of(pain), lead.answer("pain").orElseThrow().values());
        assertEquals(List.of("greeting", "role", "sphere", "pain_" + sphere, miniCase, "contact_intro", "contact_name", "channel",
                "phone", "contact_time", "thanks"), lead.path());
        assertEquals("Когда вам удобно, чтобы с вами связались?\n\n✔️ 🌅 Утром (9–12)\n\nСпасибо, Пётр! 🙌 Заявка у нас. Менеджер"
                + " свяжется с вами в то время, которое вы выбрали, и придёт с готовыми идеями под вашу задачу.",
                chat.texts().get(chat.texts().size() - 1));
    }

    @Test
    void anInfobusinessOwnerIsOfferedThePainsInCorrectRussian() {
        ScriptedChat chat = new ScriptedChat(FLOW).start("vk_ads").choose("owner", "info");

        assertEquals(List.of("📈 Прогревать аудиторию и продавать курсы/вебинары", "🔔 Напоминать ученикам об уроках и дедлайнах"),
                chat.buttonLabels().subList(0, 2));
    }

    @Test
    void anOwnerWithABurningPainScoresHigherThanAnExplorerWhoAsksForContact() {
        Lead owner = leaveContact(new ScriptedChat(FLOW).start().choose("owner", "goods", "orders")).lead().orElseThrow();
        Lead explorer = leaveContact(new ScriptedChat(FLOW).start().choose("explorer", "contact")).lead().orElseThrow();

        assertEquals(50, owner.score());
        assertEquals(10, explorer.score());
        assertEquals(List.of("explorer", "warm"), explorer.tags());
    }

    @Test
    void anExpertWithOneFeatureIsEchoedThatFeatureAndAskedForTheConcept() {
        ScriptedChat chat = new ScriptedChat(FLOW).start().choose("expert");
        assertEquals("Понимаю. Давайте по существу. Какие конкретно функции или интеграции вам необходимы? Можете выбрать несколько.",
                chat.texts().get(1));

        chat.choose("parsing").press("Готово, я выбрал(а)");

        assertEquals("Отлично, я зафиксировал ваш запрос на: Парсинг данных. Чтобы я мог дать точную оценку по срокам и стоимости,"
                + " опишите, пожалуйста, в одном сообщении общую концепцию вашего проекта.", chat.texts().get(1));
        Lead lead = leaveContact(chat.type("Парсер цен конкурентов с выгрузкой в Google Таблицы каждое утро")).lead().orElseThrow();
        assertEquals(25 + 5, lead.score());
        assertEquals(List.of("expert", "parsing"), lead.tags());
        assertTrue(chat.texts().get(chat.texts().size() - 1).endsWith("✔️ 🌅 Утром (9–12)\n\nСпасибо, Пётр. Заявка принята: подготовим"
                + " оценку сроков и стоимости по вашему описанию и свяжемся с вами в то время, которое вы выбрали."),
                chat.texts().toString());
    }

    @Test
    void anExpertWithAllSevenFeaturesIsEchoedTheWholeListJoinedNaturally() {
        ScriptedChat chat = new ScriptedChat(FLOW).start().choose("expert")
                .choose("crm", "payments", "sheets", "gamification", "parsing", "mailings", "webapp").press("Готово");

        assertTrue(chat.texts().get(1).startsWith("Отлично, я зафиксировал ваш запрос на: Интеграция с CRM (amoCRM, Bitrix24 и др.),"
                + " Приём платежей (ЮKassa, Robokassa, Stripe), Интеграция с Google Таблицами, Сложная геймификация / система баллов,"
                + " Парсинг данных, Рассылки с глубокой сегментацией и Веб-интерфейс (WebApp) в Telegram. "), chat.texts().get(1));
        Lead lead = leaveContact(chat.type("CRM-бот для сети фитнес-клубов с оплатой и баллами")).lead().orElseThrow();
        assertEquals(25 + 7 * 5, lead.score());
        assertEquals(List.of("expert", "crm", "payments", "sheets", "gamification", "parsing", "mailings", "webapp"), lead.tags());
        assertEquals(List.of("role", "features", "concept", "consent", "contact_name", "channel", "phone", "contact_time"), variables(lead));
    }

    @Test
    void anExplorerSeesTheDemoAnExampleAndCanGoBackToTheRoleQuestionToTakeTheOwnerPath() {
        ScriptedChat chat = new ScriptedChat(FLOW).start().choose("explorer");
        assertEquals(text("demo") + "\n\nЧто дальше?", chat.texts().get(1));

        chat.choose("case");
        assertEquals(text("demo_case") + "\n\nЧто дальше?", chat.texts().get(1));

        chat.choose("role");
        assertEquals(ROLE_QUESTION, chat.texts().get(1));

        Lead lead = leaveContact(chat.choose("owner", "goods", "orders")).lead().orElseThrow();
        assertEquals(List.of("owner"), lead.answer("role").orElseThrow().values());
        assertEquals(List.of("demo_next", "role", "sphere", "pain", "consent", "contact_name", "channel", "phone", "contact_time"),
                variables(lead));
        assertEquals(50, lead.score());
        assertEquals(List.of("owner", "ecommerce", "hot", "sales"), lead.tags());
        assertEquals(List.of("greeting", "role", "demo", "demo_menu", "demo_case", "demo_menu", "role", "sphere", "pain_goods",
                "case_orders", "contact_intro", "contact_name", "channel", "phone", "contact_time", "thanks"), lead.path());
    }

    @Test
    void aProspectWhoPrefersTelegramIsNotAskedForAPhone() {
        ScriptedChat chat = new ScriptedChat(FLOW).start().choose("owner", "b2b", "leads", "agree").type("Пётр").choose("telegram");

        assertEquals("Когда вам удобно, чтобы с вами связались?", chat.texts().get(1));
        Lead lead = chat.choose("evening").lead().orElseThrow();
        assertEquals(java.util.Optional.empty(), lead.contact().phone());
        assertEquals(java.util.Optional.of("anna_k"), lead.contact().username());
    }

    @Test
    void aProspectWhoDeclinesConsentIsThankedAndLeavesNoLead() {
        ScriptedChat chat = new ScriptedChat(FLOW).start().choose("owner", "b2b", "leads", "decline");

        assertEquals(List.of(text("case_leads") + "\n\n" + CONTACT_INTRO + "\n\n✔️ Не сейчас\n\nХорошо, без проблем! Если захотите"
                + " вернуться к разговору — отправьте /restart. Хорошего дня! 👋"), chat.texts());
        assertEquals(java.util.Optional.empty(), chat.lead());
        assertEquals(0, chat.leadsCompleted());
        assertTrue(chat.outputs().contains(new Output.Declined("qualification", "goodbye")), chat.outputs().toString());
        assertEquals(java.util.Optional.of(dev.leadbot.flow.Consent.DECLINED), chat.state().consent(FLOW));
    }

    @Test
    void anEnglishSpeakingProspectReadsTheFlowInEnglish() {
        ScriptedChat chat = new ScriptedChat(FLOW, ChoiceTest.withLanguage("en")).start();

        assertEquals(List.of("Hello, Anna! 👋 I am the assistant of a studio that builds Telegram bots for business. A couple of"
                + " questions, and I will suggest a solution for your exact task. It takes about a minute.\n\n"
                + "So that we speak the same language, which of these describes you best?"), chat.texts());
        assertEquals(List.of("👨‍💼 I own a business / I am an entrepreneur", "🎯 I am a marketer / specialist",
                "🤔 I am just exploring for now"), chat.buttonLabels());
    }

    /** Consent, name, call me, a typed phone, mornings. */
    private static ScriptedChat leaveContact(ScriptedChat chat) {
        return chat.choose("agree").type("Пётр").choose("call").type("+7 701 555 12 34").choose("morning");
    }

    private static String text(String node) {
        return FLOW.node(node).orElseThrow().text().in("ru");
    }

    private static List<String> variables(Lead lead) {
        return lead.answers().stream().map(Answer::variable).toList();
    }
}
