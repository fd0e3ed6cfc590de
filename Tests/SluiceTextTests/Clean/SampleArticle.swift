/// The sample article /work/shared/samples/000_6e00d44780554c9a.txt (a hashtag line, then a timestamp line).
enum SampleArticle {
    static let text = """
        The collaboration between Moscow and Beijing is not directed once morest anyone, Russian President Vladimir Putin declared on Wednesday during a meeting with his Chinese counterpart, Xi Jinping, on the sidelines of his participation in the Shanghai Cooperation Organization (SCO) summit. , which is celebrated on July 3 and 4 in Astana, capital of Kazakhstan.
        “We are not creating blocks or alliances […]we are simply acting in the interest of our people,” explained the líder Russian. “Relations between Russia and China are at the best moment in their history, based on the principles of equal rights,” she said.
        According to Putin, Moscow and Beijing continue to strengthen their interaction in global affairs, being one of the main stabilizing factors in the world. Likewise, Putin highlighted that the SCO has consolidated its role as one of the key pillars of an equitable multipolar world order.
        “We will certainly support the Chinese presidency of the SCO in 2024-25,” he added. The Russian president said that he hopes Xi Jinping will attend the BRICS summit to be held in Kazan in October this year.
        Xi, for his part, declared: “The agreements reached between China and Russia are being fully implemented, and cooperation in the directions we have outlined is progressing smoothly.” According to him, in the face of a much more difficult international situation and external environment, Moscow and Beijing must maintain their commitment to “forever friendship.”
        This is the second meeting of both líderIt’s in less than two months. Thus, in May Putin visited China on his first trip abroad following the inauguration, where he signed with Xi a declaration on closer ties, global partnership and strategic interaction between Moscow and Beijing. In addition, the respective delegations signed 10 bilateral documents.
        After the event, China will assume the presidency of the SCO for the period 2024-2025. In this context and on the eve of the meeting between Putin and Xi, the Russian presidential advisor, Yuri Ushakov, announced that Russia will cooperate “closely” with Chinese partners. “Even more so when this year we chair the BRICS,” he highlighted.
        #Putin #talk #peace #alliance #Kazakhstan #summit
        2024-07-08 04:55:57
        """
}
